import ClaimLintCore
import ClaimLintExtraction
import ClaimLintRules
import Foundation

/// The data a run reads from `rules/`: word lists and rule settings, already validated.
public struct Configuration: Sendable {
  public var lexicons: LexiconSet
  public var extraction: ExtractionLexicons
  public var segmentation: SegmentationLexicons
  public var settings: RuleSettings

  /// Loads `rules.json` and `lexicons/` from a rules directory.
  ///
  /// - Parameters:
  ///   - directory: the directory to read.
  ///   - displayPath: how the directory is named in error messages ("rules").
  /// - Returns: the configuration, or nil when a required file is broken; and every error found.
  public static func load(directory: String, displayPath: String) -> (Configuration?, [DataFileError]) {
    var errors: [DataFileError] = []
    let (lexicons, lexErrors) = LexiconSet.load(directory: directory + "/lexicons", displayPrefix: displayPath + "/lexicons")
    errors += lexErrors
    var settings = RuleSettings()
    let rulesJSON = directory + "/rules.json"
    switch RegularFile.readDataFile(path: rulesJSON, displayPath: displayPath + "/rules.json") {
    case .success(let data):
      do {
        settings = try RuleSettings.parse(
          data, path: displayPath + "/rules.json", knownRules: Set(BuiltInRules.descriptions.map(\.identifier)))
      } catch {
        errors.append(error)
      }
    case .failure(let e):
      errors.append(e)
    }
    var extraction: ExtractionLexicons? = nil
    do { extraction = try ExtractionLexicons(lexicons) } catch { errors.append(error) }
    var segmentation: SegmentationLexicons? = nil
    do { segmentation = try SegmentationLexicons(lexicons) } catch { errors.append(error) }
    guard let extraction, let segmentation, errors.isEmpty else { return (nil, errors) }
    return (Configuration(lexicons: lexicons, extraction: extraction, segmentation: segmentation, settings: settings), errors)
  }
}
