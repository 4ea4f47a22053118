extension String {
  /// Calls `body` with the string's UTF-8 bytes, read in place.
  ///
  /// `withUTF8` is `mutating`: called on a `let` or on a field it needs a copy of the string (a retain
  /// and a release of its storage). A native string's bytes are contiguous, so they are lent as they
  /// lie; only a string without contiguous UTF-8 storage (none on Linux) is copied first.
  @inlinable @inline(__always) public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = self
    return try copy.withUTF8(body)
  }
}
