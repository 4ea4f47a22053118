import ClaimLintTestSupport
import Foundation
import Testing

#if os(Linux)
  /// `claimlint` restarts itself once with glibc's per-thread cache of freed blocks enlarged
  /// (`Allocator.restartWithThreadCache`), before it reads anything.
  @Suite struct AllocatorRestartTests {
    /// The environment the running process started with (after a restart, the restarted one's).
    private func startEnvironment(of pid: Int32) -> [String: String] {
      guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return [:] }
      var out: [String: String] = [:]
      for entry in data.split(separator: 0) {
        let s = String(decoding: entry, as: UTF8.self)
        if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
      }
      return out
    }

    /// Starts `claimlint claims - --format json` with `env`, waits (with stdin still open, so the run
    /// cannot have finished) until the process's environment settles, then feeds it an article on
    /// stdin; returns that environment and what the run printed.
    private func runOnStdin(env: [String: String?]) throws -> (environment: [String: String], status: Int32, stdout: String) {
      let p = Process()
      p.executableURL = CLI.binary
      p.arguments = ["claims", "-", "--format", "json", "--rules", TestSupport.repositoryRoot + "/rules"]
      var environment = ProcessInfo.processInfo.environment
      for (k, v) in env { environment[k] = v }
      p.environment = environment
      let inp = Pipe()
      let out = Pipe()
      p.standardInput = inp
      p.standardOutput = out
      p.standardError = Pipe()
      try p.run()
      // The restart happens before anything is read: wait until the environment names the cache, or
      // for a while when it is not expected to change.
      var seen: [String: String] = [:]
      let expectChange = (env["GLIBC_TUNABLES"] ?? nil) == nil
      for _ in 0..<200 {
        seen = startEnvironment(of: p.processIdentifier)
        if expectChange ? (seen["GLIBC_TUNABLES"] != nil) : !seen.isEmpty { break }
        usleep(20_000)
      }
      if !expectChange { usleep(200_000); seen = startEnvironment(of: p.processIdentifier) }
      inp.fileHandleForWriting.write(Data(arrestStory.utf8))
      try inp.fileHandleForWriting.close()
      let o = out.fileHandleForReading.readDataToEndOfFile()
      p.waitUntilExit()
      return (seen, p.terminationStatus, String(decoding: o, as: UTF8.self))
    }

    @Test func restartsWithTheLargerCacheAndStillReadsStandardInput() throws {
      let run = try runOnStdin(env: ["GLIBC_TUNABLES": nil, "LD_PRELOAD": nil])
      let value = run.environment["GLIBC_TUNABLES"] ?? ""
      #expect(value.hasPrefix("glibc.malloc.tcache_count="), "\(value)")
      #expect((Int(value.dropFirst("glibc.malloc.tcache_count=".count)) ?? 0) > 7, "\(value)")
      #expect(run.status == 0)
      // The article written to stdin after the restart was read whole: its figure is a claim.
      #expect(run.stdout.contains("\"<stdin>\""), "\(run.stdout.prefix(400))")
      #expect(run.stdout.contains("50000") || run.stdout.contains("50,000"), "\(run.stdout.prefix(400))")
    }

    @Test func aCacheSizeSetByTheUserIsLeftAlone() throws {
      let run = try runOnStdin(env: ["GLIBC_TUNABLES": "glibc.malloc.tcache_count=7", "LD_PRELOAD": nil])
      #expect(run.environment["GLIBC_TUNABLES"] == "glibc.malloc.tcache_count=7")
      #expect(run.status == 0)
      #expect(run.stdout.contains("\"<stdin>\""))
    }
  }
#endif
