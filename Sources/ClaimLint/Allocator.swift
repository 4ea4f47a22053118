import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Settings of the C library's memory allocator for a whole run.
public enum Allocator {
  /// glibc's allocator hands freed memory back to the system as soon as 128 KB lie free at the top
  /// of the heap, and maps large blocks afresh each time; a large run allocates and frees a story's
  /// texts and claims thousands of times, which cost seconds of system time at 100,000 articles.
  /// Keeping up to 256 MB free for reuse (within the run's own peak) and mapping only blocks over
  /// 32 MB removes most of it. Call once, before the run allocates much.
  ///
  /// `mallopt` is looked up at run time (Swift's Glibc module does not declare it); a C library
  /// without it is left as it is.
  public static func tuneForLargeRuns() {
    #if os(Linux)
      typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(nil, "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
      // M_TRIM_THRESHOLD, M_TOP_PAD and M_MMAP_THRESHOLD of <malloc.h>.
      _ = mallopt(-1, 256 << 20)
      _ = mallopt(-2, 64 << 20)
      _ = mallopt(-3, 32 << 20)
    #endif
  }

  /// The glibc tunable that sets how many freed blocks of each small size a thread keeps for reuse.
  public static let threadCacheTunable = "glibc.malloc.tcache_count"
  /// The count we run with: glibc's default is 7, its largest 65,535. At 100,000 articles a cache of
  /// 1,024 still overflowed (40.8 s, 7.6 s of it system time); 65,535 ran in 27.3 s (2.1 s system) at
  /// the same peak memory (736 MB), and at 10,000 articles the two are alike.
  public static let threadCacheCount = 65_535

  /// What `GLIBC_TUNABLES` should hold for a run, given its current value, or nil when it should be
  /// left alone (it already sets the thread cache, so the user or an earlier start of ours chose).
  public static func tunables(adding current: String?) -> String? {
    let setting = "\(threadCacheTunable)=\(threadCacheCount)"
    guard let current, !current.isEmpty else { return setting }
    if current.split(separator: ":").contains(where: { $0.hasPrefix(threadCacheTunable + "=") }) { return nil }
    return current + ":" + setting
  }

  /// Restarts the program once with glibc's per-thread cache of freed blocks enlarged.
  ///
  /// A document's tokens, words and claims are thousands of small blocks freed together; glibc keeps
  /// only 7 of each size per thread and sends the rest through its shared free lists, which the next
  /// document then searches. On a 10,000-article run that search was a tenth of the time, and at
  /// 100,000 articles a quarter (with 8 s of system time); a cache as large as glibc allows removes
  /// most of it without raising peak memory (measured with `claimlint check` and `claimlint-bench`). The cache size can only be set
  /// through the `GLIBC_TUNABLES` environment variable read at start-up, hence the restart: the same
  /// program (`/proc/self/exe`), the same arguments, nothing read yet.
  ///
  /// Nothing happens when `GLIBC_TUNABLES` already sets `glibc.malloc.tcache_count` (set it to 7 to
  /// keep glibc's default), outside glibc, under valgrind (whose tools replace the allocator and would
  /// lose the restarted program), or when the restart fails: the run goes on as it is.
  public static func restartWithThreadCache() {
    #if os(Linux) && canImport(Glibc)
      guard dlsym(nil, "gnu_get_libc_version") != nil else { return }
      let env = ProcessInfo.processInfo.environment
      if let preload = env["LD_PRELOAD"], preload.contains("vgpreload") { return }
      guard let value = tunables(adding: env["GLIBC_TUNABLES"]) else { return }
      let previous = env["GLIBC_TUNABLES"]
      setenv("GLIBC_TUNABLES", value, 1)
      execv("/proc/self/exe", CommandLine.unsafeArgv)
      // Still here: the restart failed; go on with the default cache and the environment as it was.
      if let previous { setenv("GLIBC_TUNABLES", previous, 1) } else { unsetenv("GLIBC_TUNABLES") }
    #endif
  }
}
