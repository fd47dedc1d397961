import CorridorRisk

/// The map as a page element: the pannable SVG (its layers, the graticule labels and a scale bar
/// that the script keeps true as the map zooms), the zoom buttons and the details panel (both
/// shown only when the script runs), and the legend beside it.
struct MapSVG {
    let scene: MapScene
    let legend: MapLegend
    let caption: String

    func write(into w: inout HTMLWriter) {
        let f = scene.frame
        let label = "Map of \(scene.units.count) scoring units coloured by risk tier, with \(scene.dots.drawn.count) incidents"
        w.line("<div class=\"mapgrid\">")
        w.open("div", ["class": "mapbox", "id": "mapbox"])
        w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"map-svg\" viewBox=\"0 0 \(svg(f.width)) \(svg(f.height))\""
              + " width=\"\(svg(f.width))\" height=\"\(svg(f.height))\" tabindex=\"0\" role=\"img\" font-size=\"12\""
              + HTMLWriter.attributes(["aria-label": label, "data-km-per-unit": String(f.kmPerUnit)]) + ">\n")
        w.group(["id": "map-content"]) { MapLayers(scene: scene).write(into: &$0) }
        graticuleLabels(&w)
        scaleBar(&w)
        w.raw("</svg>\n")
        w.raw("<div class=\"controls\"><button type=\"button\" id=\"zoom-in\" title=\"Zoom in (+)\">+</button>"
              + "<button type=\"button\" id=\"zoom-out\" title=\"Zoom out (−)\">−</button>"
              + "<button type=\"button\" id=\"zoom-reset\" title=\"Whole map (0)\">⟲</button></div>\n")
        w.raw("<aside id=\"details\" hidden=\"hidden\" aria-live=\"polite\"><button type=\"button\" class=\"close\" title=\"Close (Esc)\">×</button>"
              + "<div id=\"details-body\"></div></aside>\n")
        w.close("div")
        w.line("")
        w.open("div", ["class": "legend"])
        legend.write(into: &w)
        w.close("div")
        w.line("</div>")
        w.element("figcaption", [:], caption)
        w.line("")
    }

    private func graticuleLabels(_ w: inout HTMLWriter) {
        let f = scene.frame, step = f.graticuleStep
        w.group(["class": "graticule-labels", "fill": HTMLStyle.muted, "font-size": "11"]) { w in
            for lon in MapFrame.graticule(f.lonMin, f.lonMax, step) {
                let x = f.x(lon)
                guard x > f.x0 + 24, x < f.x0 + f.width - 24 else { continue }
                w.text(x, f.y0 + 14, MapFrame.degrees(lon, "E", "W"), ["text-anchor": "middle", "data-fs": "11"])
            }
            for lat in MapFrame.graticule(f.latMin, f.latMax, step) {
                let y = f.y(lat)
                guard y > f.y0 + 24, y < f.y0 + f.height - 24 else { continue }
                w.text(f.x0 + f.width - 4, y - 3, MapFrame.degrees(lat, "N", "S"), ["text-anchor": "end", "data-fs": "11"])
            }
        }
    }

    /// A bar of a round length near the frame's bottom left; the script redraws it after a zoom.
    private func scaleBar(_ w: inout HTMLWriter) {
        let f = scene.frame
        let km = f.scaleBarKm()
        let length = km / f.kmPerUnit
        let x = f.x0 + 14, y = f.y0 + f.height - 14
        w.group(["id": "scale-bar", "class": "scale-bar", "transform": "translate(\(svg(x)),\(svg(y)))"]) { w in
            w.rect(-6, -26, length + 38, 32, ["fill": "#ffffff", "fill-opacity": "0.85", "rx": "3"])
            w.rect(0, -6, length / 2, 6, ["class": "sb-a", "fill": HTMLStyle.outline, "stroke": HTMLStyle.outline, "stroke-width": "0.8"])
            w.rect(length / 2, -6, length / 2, 6, ["class": "sb-b", "fill": "#ffffff", "stroke": HTMLStyle.outline, "stroke-width": "0.8"])
            for (i, (dx, v)) in [(0.0, 0.0), (length / 2, km / 2), (length, km)].enumerated() {
                w.text(dx, -10, ReportDigest.number(v), ["class": "sb-t\(i)", "text-anchor": "middle", "font-size": "10.5", "fill": HTMLStyle.outline])
            }
            w.text(length + 16, 0, "km", ["class": "sb-km", "font-size": "10.5", "fill": HTMLStyle.outline])
        }
    }
}
