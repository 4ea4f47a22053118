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
}
