// The SARIF model written key by key into a `JSONOutput`: keys in sorted order, optional properties
// left out when nil, exactly as `JSONEncoder` prints the `Codable` model (the tests compare the two).

/// A value that writes itself as JSON in `JSONEncoder`'s sorted-keys layout.
protocol JSONWritable {
  /// Writes the value as the next value of `out`.
  func write(to out: inout JSONOutput)
}

extension Array: JSONWritable where Element: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginArray()
    for element in self { element.write(to: &out) }
    out.endArray()
  }
}

extension SARIFLog: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("$schema")
    out.string(schema)
    out.key("runs")
    runs.write(to: &out)
    out.key("version")
    out.string(version)
    out.endObject()
  }
}

extension SARIFRun: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("automationDetails")
    automationDetails.write(to: &out)
    out.key("columnKind")
    out.string(columnKind)
    out.key("invocations")
    invocations.write(to: &out)
    out.key("results")
    results.write(to: &out)
    out.key("tool")
    tool.write(to: &out)
    out.endObject()
  }
}

extension SARIFTool: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("driver")
    driver.write(to: &out)
    out.endObject()
  }
}

extension SARIFToolComponent: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    if let informationUri {
      out.key("informationUri")
      out.string(informationUri)
    }
    out.key("name")
    out.string(name)
    out.key("rules")
    rules.write(to: &out)
    out.key("semanticVersion")
    out.string(semanticVersion)
    out.endObject()
  }
}

extension SARIFReportingDescriptor: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("defaultConfiguration")
    defaultConfiguration.write(to: &out)
    out.key("fullDescription")
    fullDescription.write(to: &out)
    out.key("help")
    help.write(to: &out)
    if let helpUri {
      out.key("helpUri")
      out.string(helpUri)
    }
    out.key("id")
    out.string(id)
    out.key("name")
    out.string(name)
    out.key("properties")
    properties.write(to: &out)
    out.key("shortDescription")
    shortDescription.write(to: &out)
    out.endObject()
  }
}

extension SARIFMultiformatMessage: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    if let markdown {
      out.key("markdown")
      out.string(markdown)
    }
    out.key("text")
    out.string(text)
    out.endObject()
  }
}

extension SARIFConfiguration: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("level")
    out.string(level)
    out.endObject()
  }
}

extension SARIFRuleProperties: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("precision")
    out.string(precision)
    out.key("problem.severity")
    out.string(problemSeverity)
    out.key("tags")
    out.strings(tags)
    out.endObject()
  }
}

extension SARIFAutomationDetails: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("id")
    out.string(id)
    out.endObject()
  }
}

extension SARIFMessage: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("text")
    out.string(text)
    out.endObject()
  }
}

extension SARIFResult: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("level")
    out.string(level)
    out.key("locations")
    locations.write(to: &out)
    out.key("message")
    message.write(to: &out)
    out.key("partialFingerprints")
    out.stringObject(partialFingerprints)
    if let properties {
      out.key("properties")
      out.stringObject(properties)
    }
    if let relatedLocations {
      out.key("relatedLocations")
      relatedLocations.write(to: &out)
    }
    out.key("ruleId")
    out.string(ruleId)
    if let ruleIndex {
      out.key("ruleIndex")
      out.int(ruleIndex)
    }
    out.endObject()
  }
}

extension SARIFLocation: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    if let id {
      out.key("id")
      out.int(id)
    }
    if let message {
      out.key("message")
      message.write(to: &out)
    }
    out.key("physicalLocation")
    physicalLocation.write(to: &out)
    out.endObject()
  }
}

extension SARIFPhysicalLocation: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("artifactLocation")
    artifactLocation.write(to: &out)
    if let region {
      out.key("region")
      region.write(to: &out)
    }
    out.endObject()
  }
}

extension SARIFArtifactLocation: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("uri")
    out.string(uri)
    if let uriBaseId {
      out.key("uriBaseId")
      out.string(uriBaseId)
    }
    out.endObject()
  }
}

extension SARIFRegion: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    if let endColumn {
      out.key("endColumn")
      out.int(endColumn)
    }
    if let endLine {
      out.key("endLine")
      out.int(endLine)
    }
    if let snippet {
      out.key("snippet")
      snippet.write(to: &out)
    }
    if let startColumn {
      out.key("startColumn")
      out.int(startColumn)
    }
    out.key("startLine")
    out.int(startLine)
    out.endObject()
  }
}

extension SARIFArtifactContent: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("text")
    out.string(text)
    out.endObject()
  }
}

extension SARIFInvocation: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("executionSuccessful")
    out.bool(executionSuccessful)
    out.key("exitCode")
    out.int(exitCode)
    if let toolExecutionNotifications {
      out.key("toolExecutionNotifications")
      toolExecutionNotifications.write(to: &out)
    }
    out.endObject()
  }
}

extension SARIFNotification: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("level")
    out.string(level)
    if let locations {
      out.key("locations")
      locations.write(to: &out)
    }
    out.key("message")
    message.write(to: &out)
    out.endObject()
  }
}
