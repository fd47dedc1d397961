#!/usr/bin/env python3
"""Build CorridorRisk's bundled Balochistan / CPEC fixtures from the researched fact tables.

    python3 Fixtures/balochistan/tools/build_fixtures.py [/path/to/shared/data]

Reads `places.csv` and `incidents.csv` (default directory /work/shared/data) and writes

    Fixtures/balochistan/infrastructure.geojson   assets (RFC 7946, lon/lat)
    Fixtures/balochistan/incidents.csv            the 41 incidents in the native CSV layout
    Fixtures/balochistan/places.csv               the place table with `used_by` (provenance)
    Fixtures/balochistan/gazetteer.csv            the places reports name units by (common names, map ranks)
    Fixtures/samples/acled-current.csv            hand-made rows in ACLED's current export layout
    Fixtures/samples/acled-legacy.csv             ... in ACLED's pre-2023 layout (BOM, CRLF)
    Fixtures/samples/gtd-sample.csv               ... in the GTD export layout
    Fixtures/samples/incidents.geojson            ... native GeoJSON incidents
    Fixtures/samples/expected/*.csv               what spec section 1 says a reader must make of each sample

and refreshes the generated blocks (between `<!-- BEGIN GENERATED: x -->` / `<!-- END GENERATED: x -->`)
of Docs/DATA.md. Python 3 standard library only. Output is deterministic: same input, same bytes
(UTF-8 without BOM, LF line endings, except acled-legacy.csv which deliberately has a BOM and CRLF).

This script is the provenance record. Nothing here is a coordinate or a figure of its own: every
coordinate comes from places.csv (the one exception, the schematic Gwadar port box, is built below
from the gwadar_port point and says so), every figure from incidents.csv. What this file adds is
judgement, and each judgement is a table with its reason next to it:

    ASSETS              which assets, built from which ordered place ids, criticality, cpec, corridors
    CATEGORY_BY_EVENT   incidents.csv event_type -> spec category vocabulary
    TARGETS_BY_ID       per-incident target set (spec target vocabulary)
    ACLED_*/GTD_* rows  the hand-made sample rows (facts from incidents.csv, layouts from the exports)
"""

import argparse
import calendar
import csv
import datetime
import io
import os
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES_DIR = os.path.normpath(os.path.join(HERE, "..", ".."))          # .../Fixtures
REPO_DIR = os.path.normpath(os.path.join(FIXTURES_DIR, ".."))
DEFAULT_DOCS = os.path.join(REPO_DIR, "Docs", "DATA.md")
DEFAULT_DATA = "/work/shared/data"

# --------------------------------------------------------------------------------------------
# Spec vocabularies (risk-model.md, section 1). Order matters: target sets are written in this order.
# --------------------------------------------------------------------------------------------
KINDS_LINEAR = ["rail", "road", "pipeline"]
KINDS_SITE = ["port", "airport", "station", "mine", "powerPlant", "dam", "borderCrossing", "other"]
KINDS = KINDS_LINEAR + KINDS_SITE
CATEGORIES = ["hijacking", "suicideBombing", "bombing", "armedAssault", "hostageTaking",
              "kidnapping", "shelling", "sabotage", "armedClash", "unrest", "other"]
TARGETS = ["rail", "road", "energy", "maritime", "aviation", "mining", "foreignNationals",
           "security", "civilians", "government", "other"]

# ============================================================================================
# 1. INFRASTRUCTURE
# ============================================================================================
#
# Criticality scale (consequence weight, spec: number in (0, 10], multiplies the threat):
#   1  local or secondary link / minor site: disruption is a local inconvenience
#   2  key trunk link or regional site for which an alternative route or facility exists
#   3  principal trunk route or major economic site of provincial or national importance
#   4  single point of failure (no bypass) or a national-level node / major CPEC energy site
#   5  flagship CPEC site, or the only link of its kind with no alternative at all
# These are the fixture author's planning judgements, not sourced facts; each asset states its
# reason in `criticalityReason`. Change them here, never by hand in the output.
#
# cpec = true for CPEC projects (the Western and Northern alignments, Gwadar, the CPEC power
# plants) and for assets where Chinese nationals work (the Dasu hydropower site, Saindak), because
# attacks on Chinese nationals are a distinct threat to those assets (spec: foreignNationals is
# relevant to every cpec asset). CPEC status is likewise planning knowledge, not from data/.
#
# Lines: `route` is the ordered node list of data/README.md "Route sequences". A string is a
# place id (must exist in places.csv); "[Name]" is a node with no sourced coordinate: it is
# skipped and named in `note`. Edges are straight (geodesic) between the remaining points.

ASSETS = [
    # ---------------------------------------------------------------- rail
    dict(
        id="rail-ml3-rohri-quetta", kind="rail",
        name="ML-3 Rohri–Quetta (via Sibi and the Bolan Pass)",
        route=["rohri", "sukkur", "shikarpur", "[Sultan Kot]", "jacobabad", "dera_allahyar",
               "dera_murad_jamali", "[Nuttall]", "[Bakhtiarabad Domki]", "sibi", "[Mushkaf]",
               "[Pehro Kunri]", "jaffar_hijack_site", "[Panir]", "[Peshi]", "[Aab-e-Gum]", "mach",
               "[Hirok]", "[Dozan]", "[Kolpur]", "[Spezand Jn]", "[Sar-i-Ab]",
               "quetta_railway_station"],
        extra_note=("jaffar_hijack_site (Wikipedia infobox point of the 2025 hijacking, Tunnel No. 8 "
                    "area near Pehro Kunri, ML-3 km ~266-275, +-5 km) is used as the only sourced "
                    "node inside the Bolan section. Between mach and Quetta the real line runs N to "
                    "Kolpur, then W/NW to Spezand in the Dasht valley and N again to Quetta, so the "
                    "straight mach-Quetta edge is badly wrong there (tens of km). Km posts: Wikipedia "
                    "Rohri-Chaman route diagram (Rohri 0, Sibi 240, Mach 315, Quetta 381)."),
        criticality=5, cpec=False,
        corridors=["Jaffar Express route", "Bolan corridor"],
        criticalityReason=("The only rail link between Quetta and the rest of Pakistan (the Aug 2024 "
                           "bridge demolition stopped every Quetta train until 11 Oct 2024), through "
                           "the Bolan Pass with no alternative line."),
        cpecReason="Not a CPEC project (CPEC's railway project is ML-1); no Chinese workforce on it in the data.",
    ),
    dict(
        id="rail-quetta-chaman", kind="rail",
        name="Quetta–Chaman line (via Bostan and the Khojak Tunnel)",
        route=["quetta_railway_station", "[Kuchlak]", "bostan", "[Gulistan]",
               "qila_abdullah_station", "khojak_tunnel", "chaman"],
        extra_note="ML-3 km 381 (Quetta) to 523 (Chaman); khojak_tunnel is the Shela Bagh portal area (km ~493).",
        criticality=2, cpec=False,
        corridors=["Quetta–Chaman corridor"],
        criticalityReason=("Branch line to the Afghan border at Chaman; freight and passenger traffic "
                           "can fall back on the parallel N-25."),
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="rail-ml4-quetta-taftan", kind="rail",
        name="ML-4 Quetta/Spezand–Taftan (Pakistan–Iran line)",
        route=["quetta_railway_station", "[Spezand 0]", "[Kirdgap 71]", "nushki", "dalbandin",
               "nok_kundi", "taftan", "taftan_rail_border"],
        extra_note=("The line really leaves ML-3 at Spezand Junction (ML-3 km 357, ~24 rail-km before "
                    "Quetta), which has no sourced coordinate: this fixture starts it at Quetta "
                    "railway station instead, so the Quetta-Spezand section shared with ML-3 is not "
                    "modelled and the first edge (Quetta-Nushki) is a straight chord. Ends at the "
                    "taftan_rail_border point (LOW PROVENANCE: OSM-derived intersection quoted in a "
                    "third-party file). Km from Spezand: Nushki 133, Dalbandin 318, Nok Kundi 488, "
                    "Taftan 612."),
        criticality=3, cpec=False,
        corridors=["Quetta–Taftan corridor"],
        criticalityReason=("Pakistan's only rail link to Iran and the rail route of the Chagai "
                           "mining district; one line across the Chagai desert with no alternative."),
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="rail-sibi-harnai", kind="rail",
        name="Sibi–Harnai branch (Sibi–Khost–Harnai line)",
        route=["sibi", "harnai", "[Khost]"],
        extra_note="Only two sourced points: a single straight edge Sibi-Harnai; Khost beyond Harnai has no sourced point.",
        criticality=1, cpec=False,
        corridors=["Sibi–Harnai branch"],
        criticalityReason="Secondary branch line serving the Harnai valley.",
        cpecReason="Not a CPEC project.",
    ),
    # ---------------------------------------------------------------- roads
    dict(
        id="road-n25", kind="road",
        name="N-25 Karachi–Quetta–Chaman (RCD Highway)",
        route=["karachi", "hub", "uthal", "bela", "[Wadh]", "khuzdar", "surab", "kalat",
               "[Mangochar]", "mastung", "[Lak Pass]", "quetta", "[Kuchlak]", "qila_abdullah",
               "khojak_pass", "chaman"],
        extra_note=("One asset from Karachi to Chaman, so every corridor it belongs to counts its "
                    "whole length (spec section 4)."),
        criticality=3, cpec=True,
        corridors=["Karachi–Quetta (N-25)", "CPEC Western Alignment", "Quetta–Chaman corridor"],
        criticalityReason=("Principal road between Karachi and Quetta and on to the Chaman border "
                           "crossing; the main supply road of central Balochistan."),
        cpecReason="Its Surab–Kalat–Quetta section carries the CPEC Western Alignment to Quetta.",
    ),
    dict(
        id="road-n65", kind="road",
        name="N-65 Sukkur–Sibi–Quetta",
        route=["sukkur", "shikarpur", "jacobabad", "dera_murad_jamali", "sibi", "dadhar", "mach",
               "[Kolpur]", "quetta"],
        extra_note="dadhar is the southern mouth of the Bolan Pass (Rindli/Dhadar).",
        criticality=2, cpec=False,
        corridors=["Bolan corridor"],
        criticalityReason=("Trunk road from Sindh through the Bolan Pass to Quetta, parallel to ML-3; "
                           "N-25 is the alternative road to Quetta."),
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="road-m8", kind="road",
        name="M-8 Gwadar–Turbat–Khuzdar–Ratodero",
        route=["gwadar", "turbat", "[Hoshab]", "awaran", "khuzdar", "shahdadkot", "ratodero"],
        extra_note="The road passes near (not through) Awaran on the Hoshab-Awaran-Khuzdar section.",
        criticality=3, cpec=True,
        corridors=["CPEC Western Alignment"],
        criticalityReason="Gwadar's inland road link eastwards and the backbone of the CPEC western route.",
        cpecReason="CPEC western-route project (Gwadar–Turbat–Hoshab section opened Feb 2016).",
    ),
    dict(
        id="road-n85", kind="road",
        name="N-85 Hoshab–Panjgur–Surab",
        route=["[Hoshab]", "panjgur", "[Nag]", "[Basima]", "surab"],
        extra_note=("Only Panjgur and Surab are sourced: the Hoshab-Panjgur section is missing "
                    "altogether and the rest is one straight edge Panjgur-Surab."),
        criticality=2, cpec=True,
        corridors=["CPEC Western Alignment"],
        criticalityReason="Link of the CPEC Western Alignment between the M-8 at Hoshab and the N-25 at Surab.",
        cpecReason="CPEC western-route road (Hoshab–Surab).",
    ),
    dict(
        id="road-n10", kind="road",
        name="N-10 Makran Coastal Highway (Karachi–Gwadar–Jiwani)",
        route=["karachi", "hub", "[Buzi Top]", "ormara", "pasni", "gwadar", "jiwani"],
        extra_note="Buzi Top (2019 attack) lies on this highway near Ormara and has no sourced point.",
        criticality=2, cpec=False,
        corridors=["Makran Coastal Highway"],
        criticalityReason="Gwadar's coastal road to Karachi; M-8/N-85/N-25 is the inland alternative.",
        cpecReason="Not a CPEC project (the coastal highway predates CPEC).",
    ),
    dict(
        id="road-n40", kind="road",
        name="N-40 Quetta–Nushki–Taftan",
        route=["quetta", "[Lak Pass]", "nushki", "dalbandin", "nok_kundi", "taftan"],
        extra_note=("Shares every sourced node from Nushki on with ML-4, so the two schematic lines "
                    "coincide there (the real road and rail run side by side within a few km)."),
        criticality=2, cpec=False,
        corridors=["Quetta–Taftan corridor"],
        criticalityReason="Trunk road to the Iran border at Taftan and to Chagai's mines; ML-4 runs alongside.",
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="road-n50", kind="road",
        name="N-50 Quetta/Kuchlak–Zhob–Dera Ismail Khan",
        route=["quetta", "[Kuchlak]", "[Khanozai]", "[Muslim Bagh]", "qila_saifullah", "zhob",
               "dera_ismail_khan"],
        extra_note=("N-50 leaves N-25 at Kuchlak, which has no sourced coordinate (a Wikipedia "
                    "mirror's 31.08 N was rejected as ~75 km wrong): this fixture starts it at the "
                    "Quetta city point, so the first edge (Quetta-Qila Saifullah) is a straight chord "
                    "that includes the Quetta-Kuchlak stretch of N-25."),
        criticality=2, cpec=True,
        corridors=["CPEC Western Alignment"],
        criticalityReason="Links Quetta to Zhob and Khyber Pakhtunkhwa; the northern end of the Western Alignment.",
        cpecReason="Its Zhob–Dera Ismail Khan section is part of the CPEC Western Alignment.",
    ),
    dict(
        id="road-n70", kind="road",
        name="N-70 Qila Saifullah–Loralai–Dera Ghazi Khan",
        route=["qila_saifullah", "loralai", "[Rakhni]", "dera_ghazi_khan"],
        extra_note=("Barkhan and Musakhel district incidents lie on or near this corridor but are "
                    "plotted at district towns up to ~70 km from the road."),
        criticality=1, cpec=False,
        corridors=["Quetta–Punjab road (N-70)"],
        criticalityReason="Ordinary national highway; the Quetta–Punjab bus route used by passenger coaches.",
        cpecReason="Not treated as CPEC in this fixture.",
    ),
    dict(
        id="road-n35-kkh", kind="road",
        name="N-35 Karakoram Highway (Abbottabad–Chilas)",
        route=["abbottabad", "mansehra", "battagram", "besham", "dasu", "chilas"],
        extra_note=("besham's coordinates come from an unverified third-party app file (consistent "
                    "with the Wikipedia description); battagram lies near, not on, N-35."),
        criticality=3, cpec=True,
        corridors=["CPEC Northern Alignment (KKH)"],
        criticalityReason=("The only road between Pakistan and China and the access road of the Dasu "
                           "hydropower site; mountain road with no practical bypass."),
        cpecReason="CPEC Northern Alignment; Chinese engineers travel it to Dasu (attacks 2021, 2024).",
    ),
    # ---------------------------------------------------------------- sites
    dict(
        id="site-gwadar-port", kind="port", name="Gwadar Port",
        place="gwadar_port", polygon_half_deg=("0.0075", "0.0068"),   # (lon, lat) half-sizes
        extra_note=("SCHEMATIC POLYGON, NOT A SURVEYED BOUNDARY: a 0.0150 deg lon x 0.0136 deg lat "
                    "box (about 1.5 km x 1.5 km) centred on the Wikipedia infobox point of the port "
                    "(gwadar_port, ~1 km); it is the only geometry in this file not taken directly from "
                    "places.csv. It may cover harbour water and parts of the town."),
        criticality=5, cpec=True,
        corridors=["Gwadar port complex", "CPEC Western Alignment"],
        criticalityReason="CPEC's flagship deep-sea port and the western alignment's terminus; repeatedly attacked (GPA complex 2024).",
        cpecReason="CPEC flagship project.",
    ),
    dict(
        id="site-gwadar-old-airport", kind="airport", name="Gwadar International Airport (old, OPGD)",
        place="gwadar_old_airport",
        extra_note="",
        criticality=2, cpec=False,
        corridors=["Gwadar port complex"],
        criticalityReason="Gwadar's airport until Jan 2025; its road to the port carries Chinese convoys (2023 attack).",
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="site-new-gwadar-airport", kind="airport", name="New Gwadar International Airport (NGIA)",
        place="new_gwadar_airport",
        extra_note="",
        criticality=4, cpec=True,
        corridors=["Gwadar port complex"],
        criticalityReason="Flagship CPEC site: Gwadar's new international airport (opened Jan 2025).",
        cpecReason="CPEC project.",
    ),
    dict(
        id="site-turbat-airport", kind="airport",
        name="Turbat International Airport / PNS Siddique naval air station",
        place="turbat_airport_pns_siddique",
        extra_note="",
        criticality=2, cpec=False,
        corridors=["CPEC Western Alignment"],
        criticalityReason="Regional airport and naval air base on the M-8 at Turbat (attacked March 2024).",
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="site-panjgur-airport", kind="airport", name="Panjgur Airport (OPPG)",
        place="panjgur_airport",
        extra_note="",
        criticality=1, cpec=False,
        corridors=["CPEC Western Alignment"],
        criticalityReason="Small domestic airport on the N-85 at Panjgur.",
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="site-jinnah-airport", kind="airport", name="Jinnah International Airport, Karachi (OPKC)",
        place="jinnah_airport",
        extra_note="",
        criticality=4, cpec=False,
        corridors=["Karachi gateway"],
        criticalityReason="Karachi's international airport, a national gateway; Chinese engineers' convoy bombed at its perimeter (Oct 2024).",
        cpecReason="Not a CPEC project (Chinese nationals transit it; the Oct 2024 target was a power-plant convoy).",
    ),
    dict(
        id="site-port-qasim", kind="port", name="Port Muhammad Bin Qasim",
        place="port_qasim",
        extra_note="",
        criticality=4, cpec=True,
        corridors=["Karachi gateway"],
        criticalityReason="Pakistan's second main seaport and an industrial/energy hub with a CPEC coal power plant.",
        cpecReason="Hosts the CPEC Port Qasim coal power plant; its Chinese engineers were the Oct 2024 target.",
    ),
    dict(
        id="site-quetta-railway-station", kind="station", name="Quetta railway station",
        place="quetta_railway_station",
        extra_note="",
        criticality=4, cpec=False,
        corridors=["Jaffar Express route", "Bolan corridor", "Quetta–Chaman corridor", "Quetta–Taftan corridor"],
        criticalityReason="Terminus where ML-3, ML-4 and the Chaman line meet; single point of failure of Quetta's rail service (bombed Nov 2024).",
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="site-sibi-junction", kind="station", name="Sibi Junction",
        place="sibi",
        extra_note="The station is plotted at the Sibi town point (no separate station coordinate).",
        criticality=3, cpec=False,
        corridors=["Jaffar Express route", "Bolan corridor"],
        criticalityReason="Junction where the Harnai branch leaves ML-3 and the line enters the Bolan Pass.",
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="site-saindak-mine", kind="mine", name="Saindak Copper-Gold Project",
        place="saindak_mine",
        extra_note="",
        criticality=3, cpec=True,
        corridors=["Chagai mining belt"],
        criticalityReason="Operating copper-gold mine, a major source of provincial revenue, worked by Chinese staff.",
        cpecReason="Chinese nationals work there (their bus was bombed near Dalbandin, Aug 2018).",
    ),
    dict(
        id="site-reko-diq-mine", kind="mine", name="Reko Diq Mine (planned)",
        place="reko_diq_mine",
        extra_note=("Wikipedia versions disagree on the mine's position; the Reko Diq town point is "
                    "reko_diq_town in places.csv (not used here)."),
        criticality=3, cpec=False,
        corridors=["Chagai mining belt"],
        criticalityReason="Planned large copper-gold mine, a major foreign investment; position only region-level.",
        cpecReason="Not a CPEC project and no Chinese operator in the sourced data.",
    ),
    dict(
        id="site-dasu-dam", kind="dam", name="Dasu Dam (dam axis)",
        place="dasu_dam",
        extra_note="WAPDA: 7 km upstream of Dasu.",
        criticality=4, cpec=True,
        corridors=["CPEC Northern Alignment (KKH)"],
        criticalityReason="Major hydropower dam on the Indus; its Chinese engineers were attacked in 2021 and 2024.",
        cpecReason="Chinese nationals work there (Dasu bus bombing 2021, Besham 2024).",
    ),
    dict(
        id="site-dasu-powerhouse", kind="powerPlant", name="Dasu Hydropower Plant (powerhouse)",
        place="dasu_powerhouse",
        extra_note="",
        criticality=4, cpec=True,
        corridors=["CPEC Northern Alignment (KKH)"],
        criticalityReason="Powerhouse of the Dasu hydropower project; a national-scale generation site.",
        cpecReason="Chinese nationals work there (Dasu bus bombing 2021, Besham 2024).",
    ),
    dict(
        id="site-hubco-power", kind="powerPlant",
        name="Hubco / China Power Hub Generation Co. coal power plant",
        place="hubco_power",
        extra_note="",
        criticality=3, cpec=True,
        corridors=["Karachi gateway", "Karachi–Quetta (N-25)"],
        criticalityReason="Large coal-fired plant at Hub supplying the national grid.",
        cpecReason="CPEC energy project (China Power Hub Generation Co.).",
    ),
    dict(
        id="site-taftan-rail-border", kind="borderCrossing",
        name="Koh-i-Taftan–Mirjaveh rail border crossing",
        place="taftan_rail_border",
        extra_note="",
        criticality=3, cpec=False,
        corridors=["Quetta–Taftan corridor"],
        criticalityReason="Pakistan's only rail border crossing with Iran (to Mirjaveh and Zahedan).",
        cpecReason="Not a CPEC project.",
    ),
    dict(
        id="site-khojak-tunnel", kind="other", name="Khojak (Shela Bagh) Tunnel",
        place="khojak_tunnel",
        extra_note="Kind `other`: the spec has no tunnel kind.",
        criticality=4, cpec=False,
        corridors=["Quetta–Chaman corridor"],
        criticalityReason="Single 3.91 km tunnel carrying the only rail line to Chaman; no bypass.",
        cpecReason="Not a CPEC project.",
    ),
]

# ============================================================================================
# 2. INCIDENTS: category and target judgements
# ============================================================================================
#
# incidents.csv `event_type` -> spec category. The spec weights: hijacking/suicideBombing 3,
# bombing/armedAssault/hostageTaking 2, kidnapping/shelling/sabotage 1.5, armedClash 1.
CATEGORY_BY_EVENT = {
    "train_hijacking_hostage":        "hijacking",       # 2025 Jaffar Express: train seized, hostages (GTD: Hijacking)
    "suicide_bombing":                "suicideBombing",  # person-borne suicide device
    "suicide_vbied":                  "suicideBombing",  # suicide vehicle bomb (GTD: Bombing/Explosion, suicide=1)
    "suicide_vbied_assault":          "suicideBombing",  # VBIED at the gate, then assault: the suicide blast leads
    "suicide_vbied_ambush":           "suicideBombing",  # suicide car rams a coach, then gunfire: the suicide blast leads
    "rail_track_ied_derailment":      "bombing",         # IED on the track derails a train (ACLED: Remote explosive/landmine/IED)
    "bombing_on_train":               "bombing",         # device inside a coach
    "bridge_demolition":              "sabotage",        # infrastructure destroyed, not a strike on people (GTD: Facility/Infrastructure Attack)
    "rail_track_sabotage":            "sabotage",        # track blown, no casualties reported
    "armed_assault":                  "armedAssault",    # gunmen storm a site
    "armed_assault_ied":              "armedAssault",    # roadside bomb plus gunfire on a convoy; same weight as bombing
    "armed_assault_highway_blockade": "armedAssault",    # overnight attacks on posts and travellers at a blockade
    "roadblock_identity_killing":     "armedAssault",    # passengers offloaded at a roadblock and shot
    "abduction_execution":            "armedAssault",    # miners seized and killed on the spot: the harm is killing, not captivity
    "shooting":                       "armedAssault",    # targeted shooting (GTD: Armed Assault)
    "ambush":                         "armedAssault",    # ambush on security-force vehicles
    "coordinated_assault_rockets":    "armedAssault",    # rockets + suicide bombers + gunmen on several complexes; ground assault leads
    "roadblock_armed_clash":          "armedClash",      # militants vs security forces responding to road blocks (ACLED: Armed clash)
}

# Per-incident target set, read from incidents.csv `target` (and `summary` where the target text
# alone is silent about who was hit). Written in the vocabulary's order by the script.
# Conventions: a passenger train attacked -> rail + civilians; buses/coaches/convoys on a highway
# -> road; Chinese nationals or a Chinese facility -> foreignNationals; soldiers, police, FC,
# Levies, their posts and convoys -> security; hydropower/power-plant staff -> energy.
TARGETS_BY_ID = {
    "inc_2018_08_dalbandin":          ["road", "mining", "foreignNationals"],   # bus of Saindak mine staff incl. Chinese engineers
    "inc_2018_11_karachi_consulate":  ["foreignNationals", "security", "government"],  # Chinese consulate (diplomatic) and its police checkpost
    "inc_2019_03_dmj_jaffar":         ["rail", "civilians"],                    # Jaffar Express, passengers killed
    "inc_2019_04_buzi_top":           ["road", "security", "civilians"],        # N-10 bus passengers incl. Navy/Coast Guard men
    "inc_2019_05_pc_gwadar":          ["civilians"],                            # hotel (private business), staff killed; no Chinese named
    "inc_2021_01_mach_miners":        ["mining", "civilians"],                  # Hazara coal miners
    "inc_2021_04_serena_quetta":      ["foreignNationals", "civilians", "government"],  # hotel hosting the Chinese ambassador's delegation
    "inc_2021_07_dasu_bus":           ["road", "energy", "foreignNationals"],   # bus of Chinese/Pakistani hydropower workers
    "inc_2021_08_gwadar_eastbay":     ["road", "foreignNationals", "civilians"],  # Chinese convoy on the expressway; children killed
    "inc_2022_01_mushkaf_jaffar":     ["rail", "civilians"],                    # Jaffar Express derailed, passengers injured
    "inc_2022_02_noshki_fc":          ["security"],                             # FC camp
    "inc_2022_02_panjgur_fc":         ["security"],                             # security forces camp
    "inc_2022_04_karachi_university": ["foreignNationals", "civilians"],        # Confucius Institute van, Chinese teachers
    "inc_2022_09_karachi_saddar":     ["foreignNationals", "civilians"],        # clinic of a Chinese-origin family
    "inc_2023_01_panir_jaffar":       ["rail", "civilians"],                    # Jaffar Express derailed
    "inc_2023_02_chichawatni_jaffar": ["rail", "civilians"],                    # blast inside a Jaffar Express coach
    "inc_2023_08_gwadar_convoy":      ["road", "foreignNationals", "security"], # Chinese convoy with military escort
    "inc_2023_11_pasni_ormara":       ["road", "security"],                     # security-force vehicles on N-10
    "inc_2024_01_mach_kolpur":        ["rail", "security", "government"],       # jail, FC HQ, railway station, Kolpur complex
    "inc_2024_03_gpa_complex":        ["maritime", "security", "government"],   # Gwadar Port Authority offices and LEA posts
    "inc_2024_03_pns_siddique":       ["aviation", "security"],                 # naval air station / airport perimeter
    "inc_2024_03_besham":             ["road", "energy", "foreignNationals"],   # Chinese engineers' coaster on the KKH to the Dasu site
    "inc_2024_04_noshki_n40":         ["road", "civilians"],                    # bus passengers and a car on N-40
    "inc_2024_08_musakhel":           ["road", "civilians"],                    # truck/bus passengers and drivers, vehicles torched
    "inc_2024_08_kolpur_bridge":      ["rail"],                                 # ML-3 railway bridge
    "inc_2024_08_mastung_track":      ["rail"],                                 # ML-4 track
    "inc_2024_08_kalat":              ["road", "security", "civilians"],        # Levies/police posts and travellers on N-25
    "inc_2024_08_bela_camp":          ["security"],                             # FC camp
    "inc_2024_10_karachi_airport":    ["road", "energy", "foreignNationals"],   # convoy of Chinese power-plant engineers (site at the airport road, airport not the target)
    "inc_2024_10_duki_mines":         ["mining", "civilians"],                  # coal miners' quarters, mines set on fire
    "inc_2024_11_quetta_station":     ["rail", "security", "civilians"],        # platform crowd incl. soldiers
    "inc_2025_01_kalat_mangochar":    ["road", "security"],                     # FC responding to road blocks on N-25
    "inc_2025_02_barkhan_n70":        ["road", "civilians"],                    # bus passengers
    "inc_2025_03_jaffar_hijack":      ["rail", "security", "civilians"],        # train with soldiers and passengers; 23 soldiers, 5 passengers, 3 railway staff killed
    "inc_2025_03_noshki_convoy":      ["road", "security"],                     # FC convoy on N-40 (2 civilians also killed)
    "inc_2025_05_khuzdar_school_bus": ["road", "civilians"],                    # school bus on N-25
    "inc_2025_06_jacobabad_jaffar":   ["rail", "civilians"],                    # Jaffar Express derailed
    "inc_2025_07_sur_dakai_n70":      ["road", "civilians"],                    # coach passengers on N-70
    "inc_2025_08_spezand_jaffar":     ["rail", "civilians"],                    # Jaffar Express derailed
    "inc_2025_09_spezand_jaffar":     ["rail", "civilians"],                    # Jaffar Express derailed
    "inc_2025_10_sultankot_jaffar":   ["rail", "civilians"],                    # Jaffar Express derailed
}

NATIVE_HEADER = ["id", "date", "lon", "lat", "precision", "category", "target", "fatalities",
                 "injured", "hostages", "description", "source"]

# ============================================================================================
# 3. SAMPLES in real export layouts (hand-made from incidents.csv facts; NOT ACLED or GTD records)
# ============================================================================================
# Ids cannot be mistaken for real ones: ACLED event_id_cnty SAMPLE-PAK-nnnn, GTD eventid
# YYYYMMDD9nnn (real GTD sequences start at 0001). Coordinates, dates and victim counts come from
# the incident named in `inc`; fatalities are the bundled victim counts (real ACLED/GTD counts also
# include attackers). Notes/summaries paraphrase the incident's summary in the exports' style.

ACLED_CURRENT_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp"]

ACLED_LEGACY_HEADER = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "timestamp", "iso3"]

BLA = "BLA: Baloch Liberation Army"
UAG = "Unidentified Armed Group (Pakistan)"
MIL = "Military Forces of Pakistan (2018-)"
POL = "Police Forces of Pakistan (2018-)"
CIV = "Civilians (Pakistan)"
CIV_CN = "Civilians (China)"

# ACLED current layout (2023+). date_style: "iso" -> YYYY-MM-DD, "long" -> "11 March 2025".
# inter1/inter2/interaction use the text labels of the current export (the readers ignore them).
ACLED_CURRENT_ROWS = [
    dict(n=1, inc="inc_2025_03_jaffar_hijack", date_style="long",
         event_type="Violence against civilians", sub_event_type="Attack", disorder_type="Political violence",
         actor1=BLA, inter1="Rebel group", actor2=CIV, inter2="Civilians", assoc_actor_2="",
         interaction="Rebel group-Civilians", civilian_targeting="Civilian targeting",
         admin1="Balochistan", admin2="Kachhi", admin3="", location="Pehro Kunri",
         source="Reuters; ARY News", source_scale="National-International",
         notes=("On 11 March 2025, BLA militants blew up the railway track and stormed the Jaffar Express "
                "(Quetta to Peshawar) near Tunnel No. 8 in the Bolan Pass, holding passengers and soldiers "
                "hostage for about 30 hours. The army said 354 hostages were rescued and 31 people were "
                "killed (23 soldiers, 3 railway staff, 5 passengers); all 33 attackers were killed. BLA "
                "claims that 214 military hostages were executed are uncorroborated.")),
    dict(n=2, inc="inc_2024_11_quetta_station", date_style="iso",
         event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", disorder_type="Political violence",
         actor1=BLA, inter1="Rebel group", actor2=MIL, inter2="State forces", assoc_actor_2=CIV,
         interaction="Rebel group-State forces", civilian_targeting="",
         admin1="Balochistan", admin2="Quetta", admin3="", location="Quetta",
         source="Dawn", source_scale="National",
         notes=("On 9 November 2024, a BLA suicide bomber blew himself up on Platform 1 of Quetta railway "
                "station, among a crowd including soldiers from the Infantry School waiting for the Jaffar "
                "Express. 31 people were killed (32 including the bomber) and 62 injured; train service "
                "was suspended for days.")),
    dict(n=3, inc="inc_2024_10_duki_mines", date_style="long",
         event_type="Violence against civilians", sub_event_type="Attack", disorder_type="Political violence",
         actor1=UAG, inter1="Political militia", actor2=CIV, inter2="Civilians",
         assoc_actor_2="Labor Group (Pakistan)",
         interaction="Political militia-Civilians", civilian_targeting="Civilian targeting",
         admin1="Balochistan", admin2="Duki", admin3="", location="Duki",
         source="The News; Dawn", source_scale="National",
         notes=("On the night of 10/11 October 2024 (widely reported as 11 October), 30-40 gunmen with "
                "rockets and grenades attacked the quarters of coal miners at the Junaid Coal Company "
                "mines, 7-10 km from Duki town.\n"
                "20 miners and 1 guard were killed and 6 injured; 10 mines and machinery were set on "
                "fire. No group claimed the attack.")),
    dict(n=4, inc="inc_2024_10_karachi_airport", date_style="long",
         event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", disorder_type="Political violence",
         actor1=BLA, inter1="Rebel group", actor2=CIV_CN, inter2="Civilians", assoc_actor_2="",
         interaction="Rebel group-Civilians", civilian_targeting="Civilian targeting",
         admin1="Sindh", admin2="Karachi", admin3="", location="Karachi",
         source="The Nation; Lokmat Times", source_scale="National-International",
         notes=('On 6 October 2024, a suicide car bomb of the BLA "Majeed Brigade" hit a convoy of Chinese '
                "engineers of Port Qasim Power Generation Co. on Terminal Road near Jinnah International "
                "Airport, Karachi, killing two Chinese nationals and injuring 16-17; about 15 vehicles "
                "were destroyed.")),
    dict(n=5, inc="inc_2024_08_kolpur_bridge", date_style="long",
         event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
         disorder_type="Political violence",
         actor1=BLA, inter1="Rebel group", actor2="", inter2="", assoc_actor_2="",
         interaction="Rebel group only", civilian_targeting="",
         admin1="Balochistan", admin2="Kachhi", admin3="", location="Mach",
         source="Dunya News; Dawn", source_scale="National",
         notes=('On 26 August 2024, during the BLA\'s "Operation Herof", explosives destroyed a key railway '
                "bridge in the Dozan area between Kolpur and Mach, Bolan, on the only rail link between "
                "Quetta and the rest of Pakistan; all trains to and from Quetta were suspended until 11 "
                "October 2024. One person was killed.")),
    dict(n=6, inc="inc_2024_08_mastung_track", date_style="iso",
         event_type="Strategic developments", sub_event_type="Looting/property destruction",
         disorder_type="Strategic developments",
         actor1=BLA, inter1="Rebel group", actor2="", inter2="", assoc_actor_2="",
         interaction="Rebel group only", civilian_targeting="",
         admin1="Balochistan", admin2="Mastung", admin3="", location="Mastung",
         source="Dawn", source_scale="National",
         notes=("On 26 August 2024, during coordinated BLA attacks, attackers blew up the track of the "
                "railway line connecting Pakistan and Iran near the Mastung bypass. No casualty figure "
                "was given.")),
    dict(n=7, inc="inc_2025_03_noshki_convoy", date_style="long",
         event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", disorder_type="Political violence",
         actor1=BLA, inter1="Rebel group", actor2=MIL, inter2="State forces", assoc_actor_2=CIV,
         interaction="Rebel group-State forces", civilian_targeting="",
         admin1="Balochistan", admin2="Noshki", admin3="", location="Noshki",
         source="Dawn; TRT World", source_scale="National-International",
         notes=("On 16 March 2025, a suicide car rammed a coach of a Frontier Corps convoy (6 coaches, 2 "
                "cars) travelling from Quetta to Nok Kundi and Taftan near Noshki on the Quetta-Taftan "
                "highway (N-40), followed by gunfire from nearby hills. ISPR: 3 FC soldiers and 2 "
                "civilians killed, about 40 troops injured, 3 attackers killed; other outlets reported "
                "7-11 killed.")),
    dict(n=8, inc="inc_2025_01_kalat_mangochar", date_style="iso",
         event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence",
         actor1=MIL, inter1="State forces", actor2=UAG, inter2="Political militia", assoc_actor_2="",
         interaction="State forces-Political militia", civilian_targeting="",
         admin1="Balochistan", admin2="Kalat", admin3="", location="Mangochar",
         source="The News", source_scale="National",
         notes=("On the night of 31 January 2025, militants tried to set up road blocks at Mangochar on the "
                "N-25 highway, Kalat district; ISPR said 18 FC soldiers and 12 attackers were killed.")),
    dict(n=9, inc="inc_2024_08_musakhel", date_style="long",
         event_type="Violence against civilians", sub_event_type="Attack", disorder_type="Political violence",
         actor1=BLA, inter1="Rebel group", actor2=CIV, inter2="Civilians", assoc_actor_2="",
         interaction="Rebel group-Civilians", civilian_targeting="Civilian targeting",
         admin1="Balochistan", admin2="Musakhel", admin3="", location="Rarasham",
         source="The Nation; Dawn", source_scale="National",
         notes=("On the night of 25/26 August 2024, gunmen blocked the inter-provincial highway at Rarasham, "
                "Musakhel district, checked identity cards and shot dead 23 men from Punjab travelling in "
                'trucks and buses, and burned about 10 coal trucks. The BLA claimed the province-wide '
                'attacks ("Operation Herof").')),
    dict(n=10, inc="inc_2024_04_noshki_n40", date_style="iso",
         event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
         disorder_type="Political violence",
         actor1=UAG, inter1="Political militia", actor2=CIV, inter2="Civilians", assoc_actor_2="",
         interaction="Political militia-Civilians", civilian_targeting="Civilian targeting",
         admin1="Balochistan", admin2="Noshki", admin3="", location="Noshki",
         source="Dawn; The Nation", source_scale="National",
         notes=("On 13 April 2024, 10-12 gunmen blockaded the N-40 highway near Sultan Charhai, Noshki, "
                "took 9 men from Punjab off a Taftan-bound bus and shot them; their bodies were found under "
                "a nearby bridge. A car fired on at the same blockade: 1 killed, 4 injured.")),
    dict(n=11, inc="inc_2025_05_khuzdar_school_bus", date_style="long",
         event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", disorder_type="Political violence",
         actor1=UAG, inter1="Political militia", actor2=CIV, inter2="Civilians", assoc_actor_2="",
         interaction="Political militia-Civilians", civilian_targeting="Civilian targeting",
         admin1="Balochistan", admin2="Khuzdar", admin3="", location="Khuzdar",
         source="Devdiscourse; Dawn", source_scale="National-International",
         notes=("On 21 May 2025, an explosive-laden car rammed an Army Public School bus at Zero Point on "
                "the N-25 highway, Khuzdar. The toll rose to 8 (students and two security personnel), about "
                '50 were injured; no group claimed it and the government blamed "Fitna al-Hindustan".')),
    dict(n=12, inc="inc_2024_01_mach_kolpur", date_style="iso",
         event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
         disorder_type="Political violence",
         actor1=BLA, inter1="Rebel group", actor2=MIL, inter2="State forces", assoc_actor_2="",
         interaction="Rebel group-State forces", civilian_targeting="",
         admin1="Balochistan", admin2="Kachhi", admin3="", location="Mach",
         source="Voice of Vienna; Centreline", source_scale="National",
         notes=("On the night of 29/30 January 2024, about 15 rockets were fired into Mach, and suicide "
                "bombers and gunmen of the BLA Majeed Brigade attacked the Mach and Kolpur complexes "
                "(central jail, FC headquarters, railway station). ISPR: 4 law-enforcement personnel and "
                "2 civilians killed, 9 attackers killed.")),
]

# ACLED legacy layout (before 2023): numeric inter codes (1 state forces, 2 rebels, 3 political
# militia, 7 civilians); dates "DD Mon YYYY", one row "DD-MM-YYYY".
ACLED_LEGACY_ROWS = [
    dict(n=101, inc="inc_2018_08_dalbandin", date_style="short",
         event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
         actor1=BLA, inter1="2", actor2=CIV_CN, inter2="7", assoc_actor_2=CIV, interaction="27",
         admin1="Balochistan", admin2="Chagai", admin3="", location="Dalbandin",
         source="Dawn; Samaa TV", source_scale="National",
         notes=("On 11 August 2018, a suicide bomber in a small truck blew himself up near a bus carrying "
                "staff of the Saindak Copper-Gold Project, including Chinese engineers, near Dalbandin, "
                "Chagai. 3 Chinese and 2 FC personnel were injured; only the bomber died. BLA claimed "
                "responsibility.")),
    dict(n=102, inc="inc_2018_11_karachi_consulate", date_style="short",
         event_type="Battles", sub_event_type="Armed clash",
         actor1=BLA, inter1="2", actor2=POL, inter2="1", assoc_actor_2="", interaction="12",
         admin1="Sindh", admin2="Karachi", admin3="", location="Karachi - Clifton",
         source="Dawn", source_scale="National",
         notes=("On 23 November 2018, three BLA attackers with guns and grenades attacked the checkpost of "
                "the Chinese consulate in Clifton, Karachi; 2 policemen and 2 civilians (visa applicants) "
                "were killed, and all 3 attackers were killed. No Chinese casualties.")),
    dict(n=103, inc="inc_2019_04_buzi_top", date_style="dmy",
         event_type="Violence against civilians", sub_event_type="Attack",
         actor1=UAG, inter1="3", actor2=CIV, inter2="7", assoc_actor_2="", interaction="37",
         admin1="Balochistan", admin2="Gwadar", admin3="Ormara", location="Ormara",
         source="The News", source_scale="National",
         notes=("On 18 April 2019, gunmen in FC-style uniforms stopped 5-6 Karachi-Gwadar buses at Buzi "
                "Top on the Makran Coastal Highway near Ormara, checked identity cards and shot dead 14 "
                "men, including 1 Navy and 1 Coast Guard member.")),
    dict(n=104, inc="inc_2021_01_mach_miners", date_style="short",
         event_type="Violence against civilians", sub_event_type="Attack",
         actor1="Islamic State (Pakistan)", inter1="2", actor2=CIV, inter2="7",
         assoc_actor_2="Hazara Ethnic Group (Pakistan); Labor Group (Pakistan)", interaction="27",
         admin1="Balochistan", admin2="Kachhi", admin3="", location="Mach",
         source="The News; Express Tribune", source_scale="National",
         notes=("On 3 January 2021, armed men abducted Hazara coal miners from their quarters near the "
                "Gishkery coal field near Mach and executed them.\r\n"
                "11 were killed (some reports 10) and 4 injured; Islamic State claimed the killings.")),
    dict(n=105, inc="inc_2022_01_mushkaf_jaffar", date_style="short",
         event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
         actor1=UAG, inter1="3", actor2=CIV, inter2="7", assoc_actor_2="", interaction="37",
         admin1="Balochistan", admin2="Sibi", admin3="", location="Sibi",
         source="WebNewsHD; News.com.pk", source_scale="National",
         notes=("On 18 January 2022, a blast on the railway track in the Mushkaf area near Sibi derailed "
                "the engine and 3-4 bogies of the Jaffar Express; 6 passengers were slightly injured.")),
    dict(n=106, inc="inc_2022_02_noshki_fc", date_style="short",
         event_type="Battles", sub_event_type="Armed clash",
         actor1=MIL, inter1="1", actor2=BLA, inter2="2", assoc_actor_2="", interaction="12",
         admin1="Balochistan", admin2="Noshki", admin3="", location="Noshki",
         source="The News; Business Recorder", source_scale="National",
         notes=("On the evening of 2 February 2022, BLA attackers tried to enter the FC camp in Noshki; "
                "ISPR said 4 soldiers including an officer and 9 attackers were killed.")),
    dict(n=107, inc="inc_2022_04_karachi_university", date_style="short",
         event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
         actor1=BLA, inter1="2", actor2=CIV_CN, inter2="7", assoc_actor_2="", interaction="27",
         admin1="Sindh", admin2="Karachi", admin3="", location="Karachi - University",
         source="Dawn", source_scale="National",
         notes=("On 26 April 2022, a female BLA suicide bomber blew herself up as a van carrying Chinese "
                "staff of the Confucius Institute turned into its gate at the University of Karachi; 3 "
                "Chinese (including the director) and the Pakistani driver were killed, 4 injured.")),
]

GTD_HEADER = [
    "eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country", "country_txt",
    "region", "region_txt", "provstate", "city", "latitude", "longitude", "specificity",
    "vicinity", "summary", "success", "suicide", "attacktype1", "attacktype1_txt", "targtype1",
    "targtype1_txt", "targsubtype1", "targsubtype1_txt", "target1", "natlty1", "natlty1_txt",
    "targtype2", "targtype2_txt", "targsubtype2", "targsubtype2_txt", "targtype3",
    "targtype3_txt", "targsubtype3", "targsubtype3_txt", "gname", "nkill", "nwound",
    "ishostkid", "nhostkid", "scite1", "dbsource"]

# GTD codes used (GTD codebook): attacktype 2 Armed Assault, 3 Bombing/Explosion, 6 Hostage Taking
# (Kidnapping); targtype 1 Business, 3 Police, 4 Military, 7 Government (Diplomatic), 14 Private
# Citizens & Property, 19 Transportation, 21 Utilities; targsubtype 8 Hotel/Resort, 10 Mining,
# 24 Police Checkpoint, 34 Military Personnel, 45 Diplomatic Personnel (outside of embassy,
# consulate), 46 Embassy/Consulate, 77 Laborer (General)/Occupation Identified, 99 Bus (excluding
# tourists), 100 Train/Train Tracks/Trolley, 107 Electricity. country 153 Pakistan; region 6 South
# Asia; natlty 44 China, 153 Pakistan. -99 = unknown count. specificity = the incident's precision.
GTD_ROWS = [
    dict(seq=1, inc="inc_2018_08_dalbandin", iday_override=None, provstate="Balochistan", city="Dalbandin",
         vicinity=1, suicide=1, attacktype=(3, "Bombing/Explosion"),
         targ1=(19, "Transportation", 99, "Bus (excluding tourists)"),
         target1="Bus carrying staff of the Saindak Copper-Gold Project", natlty1=(44, "China"),
         targ2=(1, "Business", 10, "Mining"), targ3=None,
         gname="Baloch Liberation Army (BLA)", nkill="0", nwound="5", ishostkid=0, nhostkid="",
         summary=("08/11/2018: A suicide bomber in a small truck detonated near a bus carrying staff of the "
                  "Saindak Copper-Gold Project, including Chinese engineers, near Dalbandin, Balochistan, "
                  "Pakistan. Three Chinese and two Frontier Corps personnel were injured; only the bomber "
                  "died. The Baloch Liberation Army (BLA) claimed responsibility.")),
    dict(seq=1, inc="inc_2018_11_karachi_consulate", iday_override=None, provstate="Sindh", city="Karachi",
         vicinity=0, suicide=0, attacktype=(2, "Armed Assault"),
         targ1=(7, "Government (Diplomatic)", 46, "Embassy/Consulate"),
         target1="Chinese consulate, Clifton", natlty1=(44, "China"),
         targ2=(3, "Police", 24, "Police Checkpoint"), targ3=None,
         gname="Baloch Liberation Army (BLA)", nkill="4", nwound="1", ishostkid=0, nhostkid="",
         summary=("11/23/2018: Three assailants armed with guns and grenades attacked the checkpost of the "
                  "Chinese consulate in Clifton, Karachi, Sindh, Pakistan. Two police officers and two "
                  "civilians were killed; all three assailants were killed. The Baloch Liberation Army "
                  "(BLA) claimed responsibility.")),
    dict(seq=1, inc="inc_2019_03_dmj_jaffar", iday_override=None, provstate="Balochistan",
         city="Dera Murad Jamali", vicinity=1, suicide=0, attacktype=(3, "Bombing/Explosion"),
         targ1=(19, "Transportation", 100, "Train/Train Tracks/Trolley"),
         target1="Jaffar Express passenger train", natlty1=(153, "Pakistan"),
         targ2=None, targ3=None,
         gname="Unknown", nkill="5", nwound="12", ishostkid=0, nhostkid="",
         summary=("03/17/2019: A remote-controlled explosive device planted on the railway track detonated "
                  "under the Jaffar Express near the Rabi Canal, Dera Murad Jamali, Balochistan, Pakistan, "
                  "derailing six bogies. Five passengers were killed and 12 injured.")),
    dict(seq=1, inc="inc_2019_04_buzi_top", iday_override=None, provstate="Balochistan", city="Ormara",
         vicinity=1, suicide=0, attacktype=(2, "Armed Assault"),
         targ1=(19, "Transportation", 99, "Bus (excluding tourists)"),
         target1="Passengers of buses on the Makran Coastal Highway", natlty1=(153, "Pakistan"),
         targ2=(4, "Military", 34, "Military Personnel (soldiers, troops, officers, forces)"), targ3=None,
         gname="Unknown", nkill="14", nwound="-99", ishostkid=0, nhostkid="",
         summary=("04/18/2019: Assailants in security-force uniforms stopped buses at Buzi Top on the Makran "
                  "Coastal Highway near Ormara, Balochistan, Pakistan, checked identity cards and shot 14 "
                  "passengers, including a Navy and a Coast Guard member. The number of injured is unknown.")),
    dict(seq=1, inc="inc_2021_01_mach_miners", iday_override=None, provstate="Balochistan", city="Mach",
         vicinity=1, suicide=0, attacktype=(6, "Hostage Taking (Kidnapping)"),
         targ1=(14, "Private Citizens & Property", 77, "Laborer (General)/Occupation Identified"),
         target1="Hazara coal miners", natlty1=(153, "Pakistan"),
         targ2=(1, "Business", 10, "Mining"), targ3=None,
         gname="Islamic State of Iraq and the Levant (ISIL)", nkill="11", nwound="4", ishostkid=1,
         nhostkid="-99",
         summary=("01/03/2021: Assailants abducted Hazara coal miners from their quarters near a coal field "
                  "near Mach, Balochistan, Pakistan, and executed them; 11 were killed and 4 injured. The "
                  "number abducted is unknown. The Islamic State claimed responsibility.")),
    dict(seq=1, inc="inc_2021_04_serena_quetta", iday_override=None, provstate="Balochistan", city="Quetta",
         vicinity=0, suicide=1, attacktype=(3, "Bombing/Explosion"),
         targ1=(1, "Business", 8, "Hotel/Resort"),
         target1="Serena Hotel car park", natlty1=(153, "Pakistan"),
         targ2=(7, "Government (Diplomatic)", 45, "Diplomatic Personnel (outside of embassy, consulate)"),
         targ3=None,
         gname="Tehrik-i-Taliban Pakistan (TTP)", nkill="4", nwound="12", ishostkid=0, nhostkid="",
         summary=("04/21/2021: An explosives-laden car detonated in the car park of the Serena Hotel in "
                  "Quetta, Balochistan, Pakistan, where the Chinese ambassador's delegation was staying; "
                  "the ambassador was not present. Four people were killed and 12 injured. "
                  "Tehrik-i-Taliban Pakistan (TTP) claimed responsibility.")),
    dict(seq=1, inc="inc_2021_07_dasu_bus", iday_override=None, provstate="Khyber Pakhtunkhwa", city="Dasu",
         vicinity=1, suicide=1, attacktype=(3, "Bombing/Explosion"),
         targ1=(19, "Transportation", 99, "Bus (excluding tourists)"),
         target1="Bus carrying Chinese and Pakistani workers of the Dasu hydropower project",
         natlty1=(44, "China"),
         targ2=(21, "Utilities", 107, "Electricity"), targ3=(14, "Private Citizens & Property", 77,
                                                           "Laborer (General)/Occupation Identified"),
         gname="Unknown", nkill="13", nwound="28", ishostkid=0, nhostkid="",
         summary=("07/14/2021: An explosion sent a bus carrying Chinese and Pakistani workers of the Dasu "
                  "hydropower project into a ravine near Dasu, Khyber Pakhtunkhwa, Pakistan; 9 Chinese and "
                  "4 Pakistanis were killed and 28 injured. It was initially described as an accident. "
                  "No group claimed responsibility; Pakistani investigators blamed the TTP.")),
    # Day deliberately blanked (iday = 0) to exercise the readers' unknown-day rule (-> the 1st);
    # the bundled native row has the real date 2021-08-20.
    dict(seq=1, inc="inc_2021_08_gwadar_eastbay", iday_override=0, provstate="Balochistan", city="Gwadar",
         vicinity=0, suicide=1, attacktype=(3, "Bombing/Explosion"),
         targ1=(19, "Transportation", 104, "Highway/Road/Toll/Traffic Signal"),
         target1="Convoy of Chinese nationals on the East Bay Expressway", natlty1=(44, "China"),
         targ2=(14, "Private Citizens & Property", 67, "Unnamed Civilian/Unspecified"), targ3=None,
         gname="Baloch Liberation Army (BLA)", nkill="2", nwound="3", ishostkid=0, nhostkid="",
         summary=("08/00/2021: A boy suicide bomber detonated near a convoy of Chinese nationals on the East "
                  "Bay Expressway in Gwadar, Balochistan, Pakistan; two children were killed and three "
                  "people injured, including one Chinese national. The BLA Majeed Brigade claimed "
                  "responsibility.")),
]

# Native GeoJSON sample features: (incident id, how to write `target`).
GEOJSON_SAMPLE = [
    ("inc_2025_03_jaffar_hijack", "string"),
    ("inc_2024_11_quetta_station", "array"),
    ("inc_2024_10_duki_mines", "string"),
    ("inc_2024_08_kolpur_bridge", "array"),     # injured/hostages omitted (missing = 0)
    ("inc_2021_07_dasu_bus", "array"),
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# ============================================================================================
# helpers
# ============================================================================================
class Raw(str):
    """A JSON number token written verbatim (keeps the source's digits, no float noise)."""


def die(msg):
    sys.stderr.write("build_fixtures: error: " + msg + "\n")
    sys.exit(1)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        text = text[1:]
    return list(csv.DictReader(io.StringIO(text, newline="")))


def csv_field(value):
    """RFC 4180: quote a field containing comma, double quote, CR or LF; double inner quotes."""
    s = "" if value is None else str(value)
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_text(header, rows, eol="\n"):
    lines = [",".join(csv_field(h) for h in header)]
    for r in rows:
        lines.append(",".join(csv_field(r[h]) for h in header))
    return eol.join(lines) + eol


def json_text(value, indent=0):
    """Deterministic JSON: objects keep insertion order; scalar arrays on one line; arrays of
    scalar arrays (coordinates) one element per line. Raw numbers are written verbatim."""
    pad = "  " * indent
    pad1 = "  " * (indent + 1)

    def scalar(v):
        if isinstance(v, Raw):
            return str(v)
        if v is True:
            return "true"
        if v is False:
            return "false"
        if v is None:
            return "null"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, str):
            out = ['"']
            for ch in v:
                if ch == '"':
                    out.append('\\"')
                elif ch == "\\":
                    out.append("\\\\")
                elif ch == "\n":
                    out.append("\\n")
                elif ch == "\r":
                    out.append("\\r")
                elif ch == "\t":
                    out.append("\\t")
                elif ord(ch) < 0x20:
                    out.append("\\u%04x" % ord(ch))
                else:
                    out.append(ch)
            out.append('"')
            return "".join(out)
        raise TypeError("unsupported JSON value %r" % (v,))

    def is_scalar(v):
        return not isinstance(v, (dict, list))

    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [pad1 + scalar(k) + ": " + json_text(v, indent + 1) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(is_scalar(v) for v in value):
            return "[" + ", ".join(scalar(v) for v in value) + "]"
        if all(isinstance(v, list) and all(is_scalar(x) for x in v) for v in value):
            return "[\n" + ",\n".join(pad1 + json_text(v, indent + 1) for v in value) + "\n" + pad + "]"
        return "[\n" + ",\n".join(pad1 + json_text(v, indent + 1) for v in value) + "\n" + pad + "]"
    return scalar(value)


def write_file(path, text, bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)


def vocab_sorted(values, vocab):
    for v in values:
        if v not in vocab:
            die("value %r not in vocabulary %r" % (v, vocab))
    if len(set(values)) != len(values):
        die("duplicate values in %r" % (values,))
    return sorted(values, key=vocab.index)


def num(s):
    """Validate a numeric token from the source and return it unchanged as a Raw JSON number."""
    try:
        Decimal(s)
    except Exception:
        die("not a number: %r" % (s,))
    return Raw(s)


def flags_of(place):
    text = (place["source"] + " " + place["precision_note"]).upper()
    out = []
    if "CONTESTED" in text:
        out.append("CONTESTED")
    if "LOW-PROVENANCE" in text or "LOW PROVENANCE" in text:
        out.append("LOW-PROVENANCE")
    return out


# ============================================================================================
# builders
# ============================================================================================
def build_infrastructure(places):
    features = []
    seen = set()
    used_by = {}
    for a in ASSETS:
        if a["id"] in seen:
            die("duplicate asset id " + a["id"])
        seen.add(a["id"])
        if a["kind"] not in KINDS:
            die("bad kind for " + a["id"])
        c = Decimal(str(a["criticality"]))
        if not (Decimal(0) < c <= Decimal(10)):
            die("criticality out of (0,10] for " + a["id"])
        flagged = []
        if a["kind"] in KINDS_LINEAR:
            srcs, skipped = [], []
            for node in a["route"]:
                if node.startswith("["):
                    skipped.append(node.strip("[]"))
                    continue
                if node not in places:
                    die("unknown place id %r in %s" % (node, a["id"]))
                srcs.append(node)
            if len(srcs) < 2:
                die("line %s has fewer than 2 sourced points" % a["id"])
            coords = [[num(places[p]["lon"]), num(places[p]["lat"])] for p in srcs]
            geometry = {"type": "LineString", "coordinates": coords}
            for p in srcs:
                for fl in flags_of(places[p]):
                    flagged.append("%s is %s" % (p, fl))
            note = ("SCHEMATIC line: straight geodesic edges through the sourced points "
                    + " - ".join(srcs) + " (places.csv; town points good to ~1-3 km); not a surveyed "
                    "alignment. Unsourced route nodes skipped (no sourced coordinates): "
                    + (", ".join(skipped) if skipped else "none") + ".")
            if flagged:
                note += " Flagged points: " + "; ".join(flagged) + "."
            if a.get("extra_note"):
                note += " " + a["extra_note"]
        else:
            pid = a["place"]
            if pid not in places:
                die("unknown place id %r in %s" % (pid, a["id"]))
            p = places[pid]
            srcs = [pid]
            if "polygon_half_deg" in a:
                hx, hy = (Decimal(v) for v in a["polygon_half_deg"])
                lon, lat = Decimal(p["lon"]), Decimal(p["lat"])
                w, e, s, n = lon - hx, lon + hx, lat - hy, lat + hy
                ring = [[Raw(str(w)), Raw(str(s))], [Raw(str(e)), Raw(str(s))],
                        [Raw(str(e)), Raw(str(n))], [Raw(str(w)), Raw(str(n))],
                        [Raw(str(w)), Raw(str(s))]]          # SW, SE, NE, NW, SW: counter-clockwise, closed
                geometry = {"type": "Polygon", "coordinates": [ring]}
                note = a["extra_note"] + " Centre point: " + p["precision_note"] + "."
            else:
                geometry = {"type": "Point", "coordinates": [num(p["lon"]), num(p["lat"])]}
                note = "Point: " + p["precision_note"] + "."
                if a.get("extra_note"):
                    note += " " + a["extra_note"]
            for fl in flags_of(p):
                flagged.append("%s is %s" % (pid, fl))
            if flagged:
                note += " Flagged point: " + "; ".join(flagged) + "."
        for p in srcs:
            used_by.setdefault(p, []).append(a["id"])
        props = {
            "id": a["id"],
            "kind": a["kind"],
            "name": a["name"],
            "criticality": Raw(str(a["criticality"])),
            "cpec": bool(a["cpec"]),
            "corridors": list(a["corridors"]),
            "sources": srcs,
            "note": note,
            "criticalityReason": a["criticalityReason"],
            "cpecReason": a["cpecReason"],
        }
        features.append({"type": "Feature", "id": a["id"], "properties": props, "geometry": geometry})
    fc = {"type": "FeatureCollection", "features": features}
    return json_text(fc) + "\n", features, used_by


def build_incidents(rows, places):
    out = []
    seen = set()
    coord_index = {}
    for pid, p in places.items():
        coord_index.setdefault((p["lat"], p["lon"]), []).append(pid)
    plotted = {}
    missing_targets = set(TARGETS_BY_ID) - {r["id"] for r in rows}
    if missing_targets:
        die("TARGETS_BY_ID has ids not in incidents.csv: %s" % sorted(missing_targets))
    for r in sorted(rows, key=lambda r: (r["date"], r["id"])):
        iid = r["id"]
        if iid in seen:
            die("duplicate incident id " + iid)
        seen.add(iid)
        datetime.date.fromisoformat(r["date"])
        if r["event_type"] not in CATEGORY_BY_EVENT:
            die("no category for event_type %r (%s)" % (r["event_type"], iid))
        if iid not in TARGETS_BY_ID:
            die("no target set for " + iid)
        cat = CATEGORY_BY_EVENT[r["event_type"]]
        if cat not in CATEGORIES:
            die("bad category " + cat)
        targets = vocab_sorted(TARGETS_BY_ID[iid], TARGETS)
        key = (r["lat"], r["lon"])
        if key not in coord_index:
            die("incident %s coordinate is not a places.csv point" % iid)
        plotted[iid] = coord_index[key]
        if r["geo_precision"] not in ("1", "2", "3"):
            die("bad precision for " + iid)
        for k in ("fatalities", "injured", "hostages"):
            if r[k] != "" and not r[k].isdigit():
                die("bad count %s=%r for %s" % (k, r[k], iid))
        out.append({
            "id": iid, "date": r["date"], "lon": r["lon"], "lat": r["lat"],
            "precision": r["geo_precision"], "category": cat, "target": ";".join(targets),
            "fatalities": r["fatalities"], "injured": r["injured"], "hostages": r["hostages"],
            "description": r["place"] + " — " + r["summary"], "source": r["source"],
        })
    return csv_text(NATIVE_HEADER, out), out, plotted


def places_used(used_by_assets, plotted):
    used = {}
    for pid, assets in used_by_assets.items():
        used.setdefault(pid, []).extend(assets)
    for iid in sorted(plotted):
        for pid in plotted[iid]:
            used.setdefault(pid, []).append(iid)
    return used


def build_places(place_rows, used):
    header = list(place_rows[0].keys()) + ["used_by"]
    rows = []
    for p in place_rows:
        q = dict(p)
        q["used_by"] = ";".join(used.get(p["id"], []))
        rows.append(q)
    return csv_text(header, rows)


# The gazetteer a report names places from (Docs/METHOD.md, named places): places.csv's
# settlements and landmarks under their common name (the text before any parenthesis), with a
# rank for map labels (smaller first, see GAZETTEER_RANKS). Incident sites,
# localities, the consulate and the university stay out: a place reference should name the
# geography, not an event. Ranks: 1 city, 2 a town on the railway (junction, terminus, station),
# 3 another town, 4 a station, pass, tunnel or border point, 5 a site (port, airport, mine, dam,
# power plant).
GAZETTEER_RANKS = [("city", 1), ("town/rail_junction", 2), ("town/rail_terminus", 2), ("town/rail_station", 2), ("town", 3),
                   ("rail_station", 4), ("rail_tunnel", 4), ("rail_border_point", 4), ("pass", 4),
                   ("port", 5), ("airport", 5), ("mine", 5), ("dam", 5), ("power_plant", 5)]


def gazetteer_rank(kind):
    for prefix, rank in GAZETTEER_RANKS:
        if kind == prefix or kind.startswith(prefix + "/"):
            return rank
    return None


def build_gazetteer(place_rows):
    rows = []
    for p in place_rows:
        rank = gazetteer_rank(p["kind"])
        if rank is None:
            continue
        name = p["name"].split(" (")[0].strip()
        rows.append({"name": name, "lon": p["lon"], "lat": p["lat"], "kind": p["kind"], "rank": str(rank),
                     "place_id": p["id"]})
    names = [r["name"] for r in rows]
    if len(set(names)) != len(names):
        die("gazetteer names repeat: %s" % sorted(n for n in set(names) if names.count(n) > 1))
    return csv_text(["name", "lon", "lat", "kind", "rank", "place_id"], rows)


def fmt_date(iso, style):
    d = datetime.date.fromisoformat(iso)
    if style == "iso":
        return iso
    if style == "long":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "short":
        return "%02d %s %d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "dmy":
        return "%02d-%02d-%d" % (d.day, d.month, d.year)
    die("bad date style " + style)


def acled_timestamp(iso):
    # A fixed, deterministic stand-in for ACLED's upload timestamp: event date + 7 days, 00:00 UTC.
    d = datetime.date.fromisoformat(iso) + datetime.timedelta(days=7)
    return str(calendar.timegm(d.timetuple()))


def count_or_zero(s):
    return s if s != "" else "0"


def build_acled(rows_spec, inc_by_id, legacy):
    out = []
    for s in rows_spec:
        inc = inc_by_id[s["inc"]]
        year = inc["date"][:4]
        common = {
            "event_date": fmt_date(inc["date"], s["date_style"]),
            "year": year, "time_precision": "1",
            "event_type": s["event_type"], "sub_event_type": s["sub_event_type"],
            "actor1": s["actor1"], "assoc_actor_1": "", "inter1": s["inter1"],
            "actor2": s["actor2"], "assoc_actor_2": s["assoc_actor_2"], "inter2": s["inter2"],
            "interaction": s["interaction"], "iso": "586", "region": "South Asia",
            "country": "Pakistan", "admin1": s["admin1"], "admin2": s["admin2"],
            "admin3": s["admin3"], "location": s["location"], "latitude": inc["lat"],
            "longitude": inc["lon"], "geo_precision": inc["geo_precision"], "source": s["source"],
            "source_scale": s["source_scale"], "notes": s["notes"],
            "fatalities": count_or_zero(inc["fatalities"]),
            "timestamp": acled_timestamp(inc["date"]),
        }
        if legacy:
            common.update({
                "data_id": str(9000000 + s["n"]), "event_id_cnty": "SAMPLE-PAK-%04d" % s["n"],
                "event_id_no_cnty": str(s["n"]), "iso3": "PAK",
            })
        else:
            common.update({
                "event_id_cnty": "SAMPLE-PAK-%04d" % s["n"], "disorder_type": s["disorder_type"],
                "civilian_targeting": s["civilian_targeting"], "tags": "",
            })
        out.append(common)
    return out


def build_gtd(inc_by_id):
    out = []
    for s in GTD_ROWS:
        inc = inc_by_id[s["inc"]]
        d = datetime.date.fromisoformat(inc["date"])
        iday = d.day if s["iday_override"] is None else s["iday_override"]
        eventid = "%04d%02d%02d9%03d" % (d.year, d.month, iday, s["seq"])
        row = {
            "eventid": eventid, "iyear": str(d.year), "imonth": str(d.month), "iday": str(iday),
            "approxdate": "", "extended": "0", "country": "153", "country_txt": "Pakistan",
            "region": "6", "region_txt": "South Asia", "provstate": s["provstate"], "city": s["city"],
            "latitude": inc["lat"], "longitude": inc["lon"], "specificity": inc["geo_precision"],
            "vicinity": str(s["vicinity"]), "summary": s["summary"], "success": "1",
            "suicide": str(s["suicide"]), "attacktype1": str(s["attacktype"][0]),
            "attacktype1_txt": s["attacktype"][1], "target1": s["target1"],
            "natlty1": str(s["natlty1"][0]), "natlty1_txt": s["natlty1"][1], "gname": s["gname"],
            "nkill": s["nkill"], "nwound": s["nwound"], "ishostkid": str(s["ishostkid"]),
            "nhostkid": s["nhostkid"], "scite1": inc["source"].split(" ; ")[0],
            "dbsource": "CorridorRisk hand-made sample (not GTD)",
        }
        for k, t in (("1", s["targ1"]), ("2", s["targ2"]), ("3", s["targ3"])):
            row["targtype" + k] = str(t[0]) if t else ""
            row["targtype%s_txt" % k] = t[1] if t else ""
            row["targsubtype" + k] = str(t[2]) if t else ""
            row["targsubtype%s_txt" % k] = t[3] if t else ""
        out.append(row)
    return out


def build_geojson_sample(native_by_id):
    feats = []
    for iid, style in GEOJSON_SAMPLE:
        r = native_by_id[iid]
        props = {"id": r["id"], "date": r["date"], "precision": Raw(r["precision"]),
                 "category": r["category"]}
        props["target"] = r["target"].split(";") if style == "array" else r["target"]
        for k in ("fatalities", "injured", "hostages"):
            if r[k] != "":
                props[k] = Raw(r[k])
        props["description"] = r["description"]
        props["source"] = r["source"]
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "Point", "coordinates": [Raw(r["lon"]), Raw(r["lat"])]}})
    return json_text({"type": "FeatureCollection", "features": feats}) + "\n"


# ============================================================================================
# Expected reader output for the samples, derived mechanically from spec section 1.
# (A reference for the readers' tests; it re-implements only what the spec states.)
# ============================================================================================
ACLED_SUB_EVENT = {
    "Suicide bomb": "suicideBombing",
    "Remote explosive/landmine/IED": "bombing", "Grenade": "bombing",
    "Attack": "armedAssault",
    "Abduction/forced disappearance": "kidnapping",
    "Shelling/artillery/missile attack": "shelling", "Air/drone strike": "shelling",
    "Looting/property destruction": "sabotage",
    "Armed clash": "armedClash",
    "Violent demonstration": "unrest", "Mob violence": "unrest",
}
ACLED_KEYWORDS = [
    ("rail", ["train", "railway", "rail", "track", "locomotive", "bogie", "Jaffar Express"]),
    ("road", ["bus", "convoy", "highway", "vehicle", "truck", "road"]),
    ("foreignNationals", ["Chinese", "foreigner", "foreign national", "expatriate"]),
    ("energy", ["pipeline", "gas", "power", "pylon", "grid", "electricity"]),
    ("maritime", ["port", "harbour", "harbor", "vessel", "ship", "boat", "jetty"]),
    ("aviation", ["airport", "aircraft", "airfield", "helicopter"]),
    ("mining", ["mine", "miner", "mining", "coal"]),
    ("security", ["police", "policeman", "policemen", "soldier", "FC", "army", "Levies", "troops",
                  "military", "checkpost", "checkpoint", "paramilitary", "Frontier Corps"]),
]
GTD_ATTACK = {
    "Hijacking": "hijacking",
    "Bombing/Explosion": "bombing",                  # suicide = 1 -> suicideBombing
    "Armed Assault": "armedAssault", "Assassination": "armedAssault", "Unarmed Assault": "armedAssault",
    "Hostage Taking (Barricade Incident)": "hostageTaking",
    "Hostage Taking (Kidnapping)": "kidnapping",
    "Facility/Infrastructure Attack": "sabotage",
}
GTD_TARGET = {
    "Utilities": "energy", "Maritime": "maritime", "Airports & Aircraft": "aviation",
    "Police": "security", "Military": "security", "Private Citizens & Property": "civilians",
    "Government (General)": "government", "Government (Diplomatic)": "government",
}


def keyword_regex(kw):
    words = [re.escape(w) for w in kw.split()]
    body = " +".join(words)
    return re.compile(r"(?<![^\W_])" + body + r"(?:s|es)?(?![^\W_])", re.IGNORECASE)


ACLED_KEYWORD_RES = [(t, [keyword_regex(k) for k in kws]) for t, kws in ACLED_KEYWORDS]


def acled_targets(notes, civilian_targeting):
    found = [t for t, res in ACLED_KEYWORD_RES if any(r.search(notes) for r in res)]
    if not found:
        found = ["civilians"] if civilian_targeting.strip() else ["other"]
    return vocab_sorted(found, TARGETS)


def parse_acled_date(s):
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", s)
    if m:
        return datetime.date(int(m[3]), int(m[2]), int(m[1]))
    m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", s)
    if m:
        name = m[2].lower()
        for i, full in enumerate(MONTHS):
            if name in (full.lower(), full[:3].lower()):
                return datetime.date(int(m[3]), i + 1, int(m[1]))
    die("unparseable ACLED date %r" % s)


EXPECTED_HEADER = ["id", "date", "lon", "lat", "precision", "category", "target", "fatalities",
                   "injured", "hostages"]


def expected_acled(rows):
    out = []
    for r in rows:
        out.append({
            "id": r["event_id_cnty"], "date": parse_acled_date(r["event_date"]).isoformat(),
            "lon": r["longitude"], "lat": r["latitude"], "precision": r["geo_precision"],
            "category": ACLED_SUB_EVENT.get(r["sub_event_type"], "other"),
            "target": ";".join(acled_targets(r["notes"], r.get("civilian_targeting", ""))),
            "fatalities": r["fatalities"], "injured": "0", "hostages": "0",
        })
    return out


def gtd_count(s):
    return "0" if s in ("", "-9", "-99") else s


def expected_gtd(rows):
    out = []
    for r in rows:
        month = int(r["imonth"]) or 1
        day = int(r["iday"]) or 1
        cat = GTD_ATTACK.get(r["attacktype1_txt"], "other")
        if r["attacktype1_txt"] == "Bombing/Explosion" and r["suicide"] == "1":
            cat = "suicideBombing"
        targets = []
        for k in ("1", "2", "3"):
            t = r["targtype%s_txt" % k]
            if not t:
                continue
            if t == "Transportation":
                sub = r["targsubtype%s_txt" % k].lower()
                v = "rail" if ("train" in sub or "track" in sub) else "road"
            else:
                v = GTD_TARGET.get(t, "other")
            if v not in targets:
                targets.append(v)
        spec = int(r["specificity"])
        out.append({
            "id": r["eventid"], "date": datetime.date(int(r["iyear"]), month, day).isoformat(),
            "lon": r["longitude"], "lat": r["latitude"], "precision": str(min(spec, 3)),
            "category": cat, "target": ";".join(vocab_sorted(targets, TARGETS)),
            "fatalities": gtd_count(r["nkill"]), "injured": gtd_count(r["nwound"]),
            "hostages": gtd_count(r["nhostkid"]),
        })
    return out


def expected_geojson(native_by_id):
    out = []
    for iid, _ in GEOJSON_SAMPLE:
        r = native_by_id[iid]
        out.append({k: (count_or_zero(r[k]) if k in ("fatalities", "injured", "hostages") else r[k])
                    for k in EXPECTED_HEADER})
    return out


# ============================================================================================
# Docs/DATA.md generated blocks
# ============================================================================================
def md_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")
    return "\n".join(lines)


def docs_blocks(features, native_rows, places, used, samples):
    blocks = {}
    # assets by kind
    by_kind = {k: 0 for k in KINDS}
    for f in features:
        by_kind[f["properties"]["kind"]] += 1
    rows = [(k, by_kind[k]) for k in KINDS if by_kind[k]] + [("**total**", len(features))]
    blocks["assets-by-kind"] = md_table(["kind", "assets"], rows)
    # asset table
    rows = []
    for f in features:
        p = f["properties"]
        rows.append(("`%s`" % p["id"], p["kind"], p["name"], f["geometry"]["type"],
                     str(p["criticality"]), "yes" if p["cpec"] else "no", "; ".join(p["corridors"])))
    blocks["assets"] = md_table(["id", "kind", "name", "geometry", "criticality", "cpec", "corridors"], rows)
    # corridors
    corridors = {}
    for f in features:
        for c in f["properties"]["corridors"]:
            corridors.setdefault(c, []).append(f["properties"]["id"])
    blocks["corridors"] = md_table(["corridor (order of first appearance)", "assets"],
                                   [(c, ", ".join("`%s`" % a for a in ids)) for c, ids in corridors.items()])
    # criticality + cpec reasons
    rows = []
    for f in sorted(features, key=lambda f: (-Decimal(str(f["properties"]["criticality"])), features.index(f))):
        p = f["properties"]
        rows.append((str(p["criticality"]), "`%s`" % p["id"], p["criticalityReason"],
                     ("yes: " if p["cpec"] else "no: ") + p["cpecReason"]))
    blocks["criticality"] = md_table(["criticality", "asset", "reason", "cpec"], rows)
    # incidents by year x category
    years = sorted({r["date"][:4] for r in native_rows})
    cats = [c for c in CATEGORIES if any(r["category"] == c for r in native_rows)]
    rows = []
    for y in years:
        counts = [sum(1 for r in native_rows if r["date"][:4] == y and r["category"] == c) for c in cats]
        rows.append([y] + [str(n) if n else "" for n in counts] + [str(sum(counts))])
    tot = [sum(1 for r in native_rows if r["category"] == c) for c in cats]
    rows.append(["**total**"] + [str(n) for n in tot] + [str(len(native_rows))])
    blocks["incidents-by-year"] = md_table(["year"] + cats + ["total"], rows)
    # targets count
    rows = [(t, sum(1 for r in native_rows if t in r["target"].split(";"))) for t in TARGETS]
    blocks["incidents-by-target"] = md_table(["target", "incidents"], [r for r in rows if r[1]])
    # category mapping
    rows = [("`%s`" % e, "`%s`" % c) for e, c in CATEGORY_BY_EVENT.items()]
    blocks["category-mapping"] = md_table(["data event_type", "category"], rows)
    # target table
    rows = [("`%s`" % r["id"], r["date"], r["category"], r["target"]) for r in native_rows]
    blocks["target-table"] = md_table(["incident", "date", "category", "target"], rows)
    # flagged points
    rows = []
    for pid, p in places.items():
        fl = flags_of(p)
        if fl:
            rows.append(("`%s`" % pid, ", ".join(fl), p["precision_note"],
                         ", ".join("`%s`" % u for u in used.get(pid, [])) or "not used"))
    blocks["flagged-points"] = md_table(["place", "flag", "what the source says", "used by"], rows)
    # samples
    blocks["samples"] = md_table(["file", "records", "layout"], samples)
    return blocks


def update_docs(path, blocks):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for name, body in blocks.items():
        begin = "<!-- BEGIN GENERATED: %s -->" % name
        end = "<!-- END GENERATED: %s -->" % name
        i, j = text.find(begin), text.find(end)
        if i < 0 or j < 0:
            die("%s lacks the generated block %r" % (path, name))
        text = text[: i + len(begin)] + "\n" + body + "\n" + text[j:]
    write_file(path, text)


# ============================================================================================
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=DEFAULT_DATA, help="directory with places.csv and incidents.csv")
    ap.add_argument("--out", default=FIXTURES_DIR, help="Fixtures directory (default: this repo's)")
    ap.add_argument("--docs", default=DEFAULT_DOCS, help="DATA.md whose generated blocks to refresh")
    ap.add_argument("--no-docs", action="store_true", help="do not touch DATA.md")
    args = ap.parse_args()

    place_rows = read_csv(os.path.join(args.data, "places.csv"))
    places = {p["id"]: p for p in place_rows}
    if len(places) != len(place_rows):
        die("duplicate place ids")
    inc_rows = read_csv(os.path.join(args.data, "incidents.csv"))

    bal = os.path.join(args.out, "balochistan")
    smp = os.path.join(args.out, "samples")

    infra_text, features, used_by = build_infrastructure(places)
    write_file(os.path.join(bal, "infrastructure.geojson"), infra_text)

    inc_text, native_rows, plotted = build_incidents(inc_rows, places)
    write_file(os.path.join(bal, "incidents.csv"), inc_text)
    used = places_used(used_by, plotted)
    write_file(os.path.join(bal, "places.csv"), build_places(place_rows, used))
    write_file(os.path.join(bal, "gazetteer.csv"), build_gazetteer(place_rows))

    inc_by_id = {r["id"]: r for r in inc_rows}
    native_by_id = {r["id"]: r for r in native_rows}

    cur = build_acled(ACLED_CURRENT_ROWS, inc_by_id, legacy=False)
    leg = build_acled(ACLED_LEGACY_ROWS, inc_by_id, legacy=True)
    gtd = build_gtd(inc_by_id)
    write_file(os.path.join(smp, "acled-current.csv"), csv_text(ACLED_CURRENT_HEADER, cur))
    write_file(os.path.join(smp, "acled-legacy.csv"), csv_text(ACLED_LEGACY_HEADER, leg, eol="\r\n"), bom=True)
    write_file(os.path.join(smp, "gtd-sample.csv"), csv_text(GTD_HEADER, gtd))
    write_file(os.path.join(smp, "incidents.geojson"), build_geojson_sample(native_by_id))

    exp = os.path.join(smp, "expected")
    write_file(os.path.join(exp, "acled-current.csv"), csv_text(EXPECTED_HEADER, expected_acled(cur)))
    write_file(os.path.join(exp, "acled-legacy.csv"), csv_text(EXPECTED_HEADER, expected_acled(leg)))
    write_file(os.path.join(exp, "gtd-sample.csv"), csv_text(EXPECTED_HEADER, expected_gtd(gtd)))
    write_file(os.path.join(exp, "incidents.geojson.csv"), csv_text(EXPECTED_HEADER, expected_geojson(native_by_id)))

    samples = [
        ("`samples/acled-current.csv`", len(cur), "ACLED export, current column order (2023+), LF"),
        ("`samples/acled-legacy.csv`", len(leg), "ACLED export, pre-2023 column order, UTF-8 BOM, CRLF"),
        ("`samples/gtd-sample.csv`", len(gtd), "GTD export columns (subset, GTD order)"),
        ("`samples/incidents.geojson`", len(GEOJSON_SAMPLE), "native GeoJSON FeatureCollection of Points"),
    ]
    if not args.no_docs:
        if os.path.exists(args.docs):
            update_docs(args.docs, docs_blocks(features, native_rows, places, used, samples))
        else:
            sys.stderr.write("build_fixtures: note: %s not found, docs not refreshed\n" % args.docs)

    print("assets: %d, incidents: %d, samples: acled-current %d, acled-legacy %d, gtd %d, geojson %d"
          % (len(features), len(native_rows), len(cur), len(leg), len(gtd), len(GEOJSON_SAMPLE)))


if __name__ == "__main__":
    main()
