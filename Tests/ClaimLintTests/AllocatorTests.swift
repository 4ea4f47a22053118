import ClaimLint
import Testing

/// The value `Allocator.restartWithThreadCache` gives `GLIBC_TUNABLES` (the restart itself is tested
/// on the built program, in the CLI tests).
@Suite struct AllocatorTests {
  @Test func tunablesAreAddedOnceAndAUsersChoiceIsKept() {
    let ours = "glibc.malloc.tcache_count=\(Allocator.threadCacheCount)"
    #expect(Allocator.tunables(adding: nil) == ours)
    #expect(Allocator.tunables(adding: "") == ours)
    #expect(Allocator.tunables(adding: "glibc.malloc.mmap_threshold=65536") == "glibc.malloc.mmap_threshold=65536:" + ours)
    #expect(Allocator.tunables(adding: "glibc.malloc.tcache_count=7") == nil)
    #expect(Allocator.tunables(adding: "glibc.malloc.arena_max=2:glibc.malloc.tcache_count=3") == nil)
    // A different tunable that merely starts with the same words is not the cache count.
    #expect(Allocator.tunables(adding: "glibc.malloc.tcache_count_x=1") == "glibc.malloc.tcache_count_x=1:" + ours)
  }
}
