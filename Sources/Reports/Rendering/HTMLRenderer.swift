import Vocabulary

/// A report as one self-contained HTML page: no scripts, fonts or images from elsewhere; charts
/// are inline SVG; the style sheet lays it out on A4 for printing.
enum HTMLRenderer {
    static func render(_ report: Report) -> String {
        let style = NumberStyle.for(report.language)
        var html = """
            <!DOCTYPE html>
            <html lang="\(report.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(report.title))</title>
            <style>
            @page { size: A4; margin: 15mm 14mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 7.5pt; color: #444; } }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #111; max-width: 182mm; margin: 0 auto; }
            h1 { font-size: 15pt; margin: 0 0 4pt; }
            h2 { font-size: 11.5pt; margin: 14pt 0 4pt; break-after: avoid; page-break-after: avoid; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 1pt 10pt; margin: 0 0 8pt; }
            dt { font-weight: bold; } dd { margin: 0; }
            table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; font-size: 8.5pt; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            th, td { border-bottom: 0.5pt solid #bbb; padding: 1.5pt 3pt; text-align: left; vertical-align: top; }
            th { background: #eef1f5; font-weight: bold; }
            .n { text-align: right; font-variant-numeric: tabular-nums; }
            td.n { white-space: nowrap; }
            figure { margin: 6pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
            figcaption { font-weight: bold; margin-bottom: 2pt; }
            svg { width: 100%; height: auto; }
            footer { margin-top: 12pt; font-size: 7.5pt; color: #444; overflow-wrap: anywhere; }
            table.fill-in td { height: 9mm; vertical-align: middle; border: 0.5pt solid #888; font-size: 10pt; }
            table.fill-in th { border: 0.5pt solid #888; }
            table.wide { font-size: 6.8pt; } table.wide th, table.wide td { padding: 1pt 1.5pt; } table.wide th { overflow-wrap: anywhere; }
            .signatures { display: flex; gap: 12mm; margin-top: 18mm; break-inside: avoid; page-break-inside: avoid; }
            .signature { flex: 1; border-top: 0.5pt solid #111; padding-top: 2pt; font-size: 8.5pt; }
            </style>
            </head>
            <body>
            <h1>\(escape(report.title))</h1>

            """
        let parameters = report.parameters(forMachines: false)
        if !parameters.isEmpty {
            html += "<dl>\n" + parameters.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.value.text(empty: "–", style: style)))</dd>" }.joined(separator: "\n") + "\n</dl>\n"
        }
        for table in report.tables {
            // A table of many columns gets smaller type, so that it stays within the A4 page.
            let classes = (table.isToFillIn ? ["fill-in"] : []) + (table.columns.count > Self.columnsOfANormalTable ? ["wide"] : [])
            html += "<h2>\(escape(table.title))</h2>\n<table\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\n<thead><tr>"
            html += table.columns.map { "<th\($0.isNumeric ? " class=\"n\"" : "")>\(escape($0.header))</th>" }.joined()
            html += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                html += "<tr>" + zip(table.columns, row).map { column, cell in
                    "<td\(column.isNumeric || cell.isNumeric ? " class=\"n\"" : "")>\(escape(cell.text(empty: "–", style: style)))</td>"
                }.joined() + "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        for chart in report.charts {
            html += "<figure>\n<figcaption>\(escape(chart.title))</figcaption>\n\(chart.kind == .lines ? LineChart.svg(chart, style: style) : BarChart.svg(chart, style: style))\n</figure>\n"
        }
        if !report.signatures.isEmpty {
            let date = report.language == .fi ? "päiväys" : "date"
            html += "<div class=\"signatures\">" + report.signatures.map { "<div class=\"signature\">\(escape($0)), \(date)</div>" }.joined() + "</div>\n"
        }
        var footer = report.footer
        if let generatedAt = report.generatedAt {
            footer += report.language == .fi ? " Laadittu \(generatedAt)." : " Made \(generatedAt)."
        }
        html += "<footer>\(escape(footer))</footer>\n</body>\n</html>\n"
        return html
    }

    static let columnsOfANormalTable = 9

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// A grouped bar chart as SVG: categories along the bottom, one coloured bar per series, the
/// value above each bar, a legend on top. A hidden (suppressed) value draws no bar, only "<K".
enum BarChart {
    static let colours = ["#2f6690", "#d1495b", "#66a182", "#edae49", "#6c757d"]

    static func svg(_ chart: Report.Chart, style: NumberStyle) -> String {
        let width = 640.0, height = 250.0, left = 40.0, right = 10.0, top = 30.0, bottom = 40.0
        let values = chart.series.flatMap { $0.values.map(magnitude) }
        let largest = chart.top ?? max(1, values.max() ?? 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let groupWidth = plotWidth / Double(max(1, chart.categories.count))
        let barWidth = min(40, groupWidth * 0.8 / Double(max(1, chart.series.count)))
        var parts = [#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(format(width)) \#(format(height))" role="img" font-family="DejaVu Sans, Arial, sans-serif" font-size="10">"#]
        parts.append(#"<line x1="\#(format(left))" y1="\#(format(top + plotHeight))" x2="\#(format(width - right))" y2="\#(format(top + plotHeight))" stroke="black" stroke-width="1"/>"#)
        for (index, series) in chart.series.enumerated() where chart.series.count > 1 {
            let x = left + Double(index) * 130
            parts.append(#"<rect x="\#(format(x))" y="6" width="10" height="10" fill="\#(colours[index % colours.count])"/>"#)
            parts.append(#"<text x="\#(format(x + 14))" y="15">\#(HTMLRenderer.escape(series.name))</text>"#)
        }
        for (group, category) in chart.categories.enumerated() {
            let groupLeft = left + Double(group) * groupWidth
            let barsLeft = groupLeft + (groupWidth - barWidth * Double(chart.series.count)) / 2
            for (index, series) in chart.series.enumerated() where group < series.values.count {
                let cell = series.values[group]
                let barHeight = plotHeight * magnitude(cell) / largest
                let x = barsLeft + Double(index) * barWidth
                let y = top + plotHeight - barHeight
                if barHeight > 0 {
                    parts.append(#"<rect x="\#(format(x))" y="\#(format(y))" width="\#(format(barWidth - 2))" height="\#(format(barHeight))" fill="\#(colours[index % colours.count])"/>"#)
                }
                parts.append(#"<text x="\#(format(x + (barWidth - 2) / 2))" y="\#(format(y - 3))" text-anchor="middle" font-size="8">\#(HTMLRenderer.escape(cell.text(empty: "", style: style)))</text>"#)
            }
            parts.append(#"<text x="\#(format(groupLeft + groupWidth / 2))" y="\#(format(top + plotHeight + 14))" text-anchor="middle">\#(HTMLRenderer.escape(category))</text>"#)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The bar's height in the value's own units: cents count as euros; hidden values as nothing.
    static func magnitude(_ cell: Report.Cell) -> Double {
        switch cell {
        case let .integer(value): return Double(value)
        case let .hundredths(value), let .cents(value): return Double(value) / 100
        default: return 0
        }
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

/// A line chart as SVG: one line per series across the categories (a series without a value at
/// a category skips it), each guide a dashed level with its label, the legend below the plot.
enum LineChart {
    static func svg(_ chart: Report.Chart, style: NumberStyle) -> String {
        let perLegendRow = 5
        let legendRows = (chart.series.count + perLegendRow - 1) / perLegendRow
        let width = 640.0, left = 40.0, right = 60.0, top = 12.0, plotHeight = 190.0
        let height = top + plotHeight + 24 + Double(legendRows) * 14
        let values = chart.series.flatMap { $0.values.map(BarChart.magnitude) } + chart.guides.map(\.value)
        let largest = chart.top ?? max(1, values.max() ?? 1)
        let plotWidth = width - left - right
        let step = plotWidth / Double(max(1, chart.categories.count))
        func x(_ index: Int) -> Double { left + step * (Double(index) + 0.5) }
        func y(_ value: Double) -> Double { top + plotHeight - plotHeight * value / largest }
        let f = BarChart.format
        var parts = [#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(f(width)) \#(f(height))" role="img" font-family="DejaVu Sans, Arial, sans-serif" font-size="10">"#]
        parts.append(#"<line x1="\#(f(left))" y1="\#(f(top + plotHeight))" x2="\#(f(width - right))" y2="\#(f(top + plotHeight))" stroke="black" stroke-width="1"/>"#)
        parts.append(#"<line x1="\#(f(left))" y1="\#(f(top))" x2="\#(f(left))" y2="\#(f(top + plotHeight))" stroke="black" stroke-width="1"/>"#)
        for tick in [0.0, largest / 2, largest] {
            parts.append(#"<text x="\#(f(left - 4))" y="\#(f(y(tick) + 3))" text-anchor="end">\#(style.integer(Int(tick.rounded())))</text>"#)
        }
        for guide in chart.guides {
            parts.append(##"<line x1="\##(f(left))" y1="\##(f(y(guide.value)))" x2="\##(f(width - right))" y2="\##(f(y(guide.value)))" stroke="#d1495b" stroke-width="1" stroke-dasharray="4 3"/>"##)
            parts.append(##"<text x="\##(f(width - right + 4))" y="\##(f(y(guide.value) + 3))" fill="#d1495b">\##(HTMLRenderer.escape(guide.label))</text>"##)
        }
        for (index, category) in chart.categories.enumerated() {
            parts.append(#"<text x="\#(f(x(index)))" y="\#(f(top + plotHeight + 13))" text-anchor="middle">\#(HTMLRenderer.escape(category))</text>"#)
        }
        for (index, series) in chart.series.enumerated() {
            let colour = BarChart.colours[index % BarChart.colours.count]
            let points = series.values.enumerated().compactMap { column, cell -> String? in
                if case .suppressed = cell { return nil }
                guard cell.isNumeric else { return nil }
                return "\(f(x(column))),\(f(y(BarChart.magnitude(cell))))"
            }
            if points.count > 1 {
                parts.append(#"<polyline points="\#(points.joined(separator: " "))" fill="none" stroke="\#(colour)" stroke-width="1.5"/>"#)
            }
            for point in points {
                let xy = point.split(separator: ",")
                parts.append(#"<circle cx="\#(xy[0])" cy="\#(xy[1])" r="2.5" fill="\#(colour)"/>"#)
            }
            let legendX = left + Double(index % perLegendRow) * 110
            let legendY = top + plotHeight + 24 + Double(index / perLegendRow) * 14
            parts.append(#"<rect x="\#(f(legendX))" y="\#(f(legendY - 8))" width="10" height="3" fill="\#(colour)"/>"#)
            parts.append(#"<text x="\#(f(legendX + 14))" y="\#(f(legendY))">\#(HTMLRenderer.escape(series.name))</text>"#)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
