import _LexiformMemoryShims

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A closure run on a POSIX thread of its own, until ``join()``.
///
/// For pipelines whose stages share state that is not `Sendable` but is
/// handed over with semaphores: the closure is not checked for sendability,
/// so the caller is responsible for the hand-over.
public final class BackgroundThread {
  private var thread: pthread_t?

  /// Starts `body` on a new thread.
  /// - Parameter body: The work; it runs once.
  /// - Returns: `nil` when no thread could be started (the caller then runs
  ///   the work itself).
  public init?(_ body: @escaping () -> Void) {
    let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    guard pthread_create(&thread, nil, runThreadBody, box) == 0 else {
      Unmanaged<ThreadBody>.fromOpaque(box).release()
      return nil
    }
    self.thread = thread
  }

  /// Waits for the closure to return. Later calls return at once.
  public func join() {
    guard let thread else { return }
    pthread_join(thread, nil)
    self.thread = nil
  }

  deinit {
    join()
  }
}

/// The number of processors available to this process: those of its CPU
/// affinity mask (so `taskset -c 0` or a container's CPU set gives 1), or
/// the online processors when the mask cannot be read.
/// - Returns: At least 1.
public func activeProcessorCount() -> Int {
  #if canImport(Glibc)
    let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    let allowed = Int(_lexiform_allowed_processors())
    return allowed > 0 ? min(allowed, online) : online
  #else
    return 1
  #endif
}

/// A closure handed to a new thread.
private final class ThreadBody {
  let body: () -> Void
  init(_ body: @escaping () -> Void) { self.body = body }
}

private func runThreadBody(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
  guard let argument else { return nil }
  Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue().body()
  return nil
}
