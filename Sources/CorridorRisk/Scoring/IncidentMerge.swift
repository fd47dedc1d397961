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
                                                     reason: "duplicate id (first accepted in \(file))"))
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
    var latestDate: CalendarDay? {
        var latest: CalendarDay?
        for i in incidents.indices where latest.map({ incidents[i].date > $0 }) ?? true { latest = incidents[i].date }
        return latest
    }
}
