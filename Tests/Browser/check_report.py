#!/usr/bin/env python3
"""Opens a CorridorRisk HTML report in headless Chromium (Debian's chromium and chromium-driver,
through Selenium) and checks what a reader does with it: the page loads without console errors,
the map's town labels are drawn and none overlaps another (as the browser measures them), the
zoom buttons and the keyboard zoom the map, and clicking a unit opens its details.

    python check_report.py REPORT.html --unit ID [--expect TEXT ...] [--labels Quetta,Sibi] [--screenshot OUT.png]

Prints one JSON object with what it found and exits 1 on the first broken expectation (0 when
all hold). Run by Tests/RiskReportCLITests/BrowserTests.swift; Tests/Tools/screenshot.sh uses
--screenshot for the README's picture.
"""
import argparse, json, os, sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={width},{height}", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--unit", required=True, help="the id of a unit to click")
    ap.add_argument("--expect", action="append", default=[], help="text the unit's details panel must show")
    ap.add_argument("--labels", default="", help="comma-separated town labels that must be on the map")
    ap.add_argument("--screenshot")
    ap.add_argument("--width", type=int, default=1320)
    ap.add_argument("--height", type=int, default=1500)
    args = ap.parse_args()
    found, problems = {}, []
    driver = browser(args.width, args.height)
    try:
        driver.get("file://" + os.path.abspath(args.report))
        found["script"] = driver.execute_script("return document.documentElement.className.indexOf('js') >= 0")
        if not found["script"]:
            problems.append("the page's script did not run")

        boxes = driver.execute_script("""
            return Array.prototype.map.call(document.querySelectorAll('#map-svg .place-label'), function (t) {
              var r = t.getBoundingClientRect();
              return {name: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height};
            });""")
        found["labels"] = len(boxes)
        names = {b["name"] for b in boxes}
        for wanted in [n for n in args.labels.split(",") if n]:
            if wanted not in names:
                problems.append(f"label {wanted} is not on the map")
        overlaps = []
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                    overlaps.append(f"{a['name']} / {b['name']}")
        found["overlaps"] = overlaps
        if overlaps:
            problems.append("labels overlap: " + ", ".join(overlaps[:5]))

        svg = driver.find_element(By.ID, "map-svg")
        view = lambda: driver.execute_script("return arguments[0].getAttribute('viewBox')", svg)
        before = view()
        driver.find_element(By.ID, "zoom-in").click()
        zoomed = view()
        svg.send_keys("+")
        closer = view()
        svg.send_keys("0")
        found["zoom"] = [before, zoomed, closer, view()]
        if zoomed == before or closer == zoomed:
            problems.append("the zoom-in button or the + key did not zoom")
        if view() != before:
            problems.append("the 0 key did not reset the zoom")

        unit = driver.find_element(By.CSS_SELECTOR, f'#map-svg .unit[data-unit="{args.unit}"]')
        driver.execute_script("""
            var el = arguments[0], r = el.getBoundingClientRect();
            var x = r.left + r.width / 2, y = r.top + r.height / 2;
            ['pointerdown', 'pointerup'].forEach(function (type) {
              el.dispatchEvent(new PointerEvent(type, {bubbles: true, clientX: x, clientY: y}));
            });""", unit)
        panel = driver.find_element(By.ID, "details")
        found["panel"] = panel.text if panel.is_displayed() else None
        if not panel.is_displayed():
            problems.append("clicking the unit did not open its details")
        else:
            for text in args.expect:
                if text not in panel.text:
                    problems.append(f"the details panel does not show {text!r}")

        errors = [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        found["consoleErrors"] = errors
        if errors:
            problems.append("console errors: " + "; ".join(errors[:3]))

        if args.screenshot:
            driver.find_element(By.CSS_SELECTOR, "#details .close").click()
            driver.set_window_size(args.width, 1480)
            driver.save_screenshot(args.screenshot)
            found["screenshot"] = args.screenshot
    finally:
        driver.quit()
    found["problems"] = problems
    print(json.dumps(found, indent=1, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
