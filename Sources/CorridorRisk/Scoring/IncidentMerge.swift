/// Joins several incident sets into one list (METHOD §6): in order, an id already accepted in an
/// earlier set is rejected as a duplicate naming the file that had it first.
struct MergedIncidents: Sendable {
    var incidents: [Incident]
    var rejected: [RejectedRecord]
    var read: Int

    init(_ sets: [IncidentSet]) {
        guard sets.count > 1 else {
            incidents = sets.first?.incidents ?? []
            rejected = sets.first?.rejected ?? []
            read = sets.first?.read ?? 0
            return
        }
        var incidents: [Incident] = []
        var rejected: [RejectedRecord] = []
        var firstFile: [String: String] = [:]
        for set in sets {
            var duplicates: [RejectedRecord] = []
            for (incident, line) in zip(set.incidents, set.lines) {
                if let file = firstFile[incident.id] {
                    duplicates.append(RejectedRecord(file: set.file, line: line, id: incident.id,
                                                     reason: "duplicate id (first accepted in \(file))", numbering: set.format.numbering))
                } else {
                    firstFile[incident.id] = set.file
                    incidents.append(incident)
                }
            }
            rejected += (set.rejected + duplicates).sorted { $0.line < $1.line }
        }
        self.incidents = incidents
        self.rejected = rejected
        read = sets.reduce(0) { $0 + $1.read }
    }

    /// The latest incident date: the default as-of date T.
    /// When the latest date — the default asOf — belongs to one incident far beyond all the
    /// others (a row dated 2099 in a 2024 export), the warning that says so: every score would be
    /// decayed to nothing by a typo.
    func outlyingLatestDate(gapDays: Int = 180) -> String? {
        guard incidents.count >= 2 else { return nil }
        var latest = 0, second = -1
        for i in incidents.indices.dropFirst() {
            if incidents[i].date > incidents[latest].date {
                second = latest
                latest = i
            } else if second < 0 || incidents[i].date > incidents[second].date {
                second = i
            }
        }
        if second < 0 { second = latest == 0 ? 1 : 0 }
        let gap = incidents[second].date.days(until: incidents[latest].date)
        guard gap > gapDays else { return nil }
        return "asOf defaults to \(incidents[latest].date), the date of one incident (\(incidents[latest].id)), \(gap) days "
            + "after the next latest (\(incidents[second].date)): if that date is a typo, fix it, or pass --as-of"
    }

    var latestDate: CalendarDay? {
        var latest: CalendarDay?
        for i in incidents.indices where latest.map({ incidents[i].date > $0 }) ?? true { latest = incidents[i].date }
        return latest
    }
}
