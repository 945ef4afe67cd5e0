import Foundation
import Waymark

// libFuzzer's own driver, called from each fuzz executable's main: SwiftPM links an
// executable's entry point under its own name, so libFuzzer's main() is not used.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// libFuzzer's main() names this function. A debug build links the executable's entry point
/// with `--defsym main=…`, which still pulls libFuzzer's main() out of its archive, so the name
/// must be there; our own entry point runs instead and hands libFuzzer `runFuzzer`'s body.
@_cdecl("LLVMFuzzerTestOneInput")
public func unusedFuzzerEntry(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fatalError("libFuzzer's own main() ran: the fuzz executable's entry point was not linked as main")
}

/// Runs libFuzzer with this process's arguments, calling `body` with each input, then exits.
public func runFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, body))
}

/// Stops the fuzzer when a refusal carries no diagnostic with a place: every refusal must say where.
public func requirePlaced(_ failure: GuideReadFailure, what: String) {
    if failure.diagnostics.isEmpty || failure.diagnostics.contains(where: { $0.location.line < 1 || $0.location.column < 1 }) {
        fatalError("\(what) without a placed diagnostic: \(failure.diagnostics)")
    }
}
