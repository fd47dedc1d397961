import ArgumentParser
import CorridorRisk

/// The exit codes of risk-report (BSD sysexits), and the one-line message for each failure.
enum ExitStatus {
    static let usage: Int32 = 64       // EX_USAGE: bad arguments
    static let data: Int32 = 65        // EX_DATAERR: strict-mode rejection, no valid record, malformed input
    static let noInput: Int32 = 66     // EX_NOINPUT: an input is missing or unreadable
    static let cannotWrite: Int32 = 74 // EX_IOERR: the output cannot be written

    /// A failure that ends the run with a message and a code.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var code: Int32
        var description: String { message }
    }

    /// Classifies an error from the library into a message and an exit code.
    static func failure(for error: any Error) -> Failure {
        switch error {
        case let f as Failure:
            return f
        case let e as InputError:
            switch e.kind {
            case .unreadable: return Failure(message: e.description, code: noInput)
            case .malformed, .rejected: return Failure(message: e.description, code: data)
            }
        case let e as ModelError:
            return Failure(message: e.description, code: usage)
        case let e as WorkTooLarge:
            return Failure(message: e.description, code: usage)
        case let e as UnknownCorridor:
            return Failure(message: e.description, code: usage)
        case is CancellationError:
            return Failure(message: "interrupted", code: 130)
        default:
            return Failure(message: "\(error)", code: data)
        }
    }
}
