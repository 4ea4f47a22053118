/// Help texts, one per subcommand.
enum Usage {
  static let top = """
    claimlint — check news articles against each other for drifting figures, dates, names and attributions

    usage: claimlint <subcommand> [options]

    subcommands:
      check PATH...                    check all articles against each other
      check DRAFT --against SOURCE...  pre-publish: report only findings located in the draft
      claims PATH...                   show the claims read from each article
      segments PATH...                 show how each article was split into reportage, comments and boilerplate
      rules                            list the rules
      explain RULE                     show a rule's documentation and examples

    options:
      --version                        print the version
      --help                           show help (also after a subcommand)

    exit status: 0 no findings at or above the failing severity, 1 findings at or above it,
                 2 a usage, input or rule-file error (reported after everything else was checked)
    """

  static let check = """
    usage: claimlint check PATH... [options]
           claimlint check DRAFT --against SOURCE... [options]
           claimlint check [options]        the 'drafts' and 'sources' of .claimlint.json

    PATH may be a file (.txt, .md, .markdown, .html, .htm), a directory (walked recursively) or '-' for stdin.
    Settings are read from the nearest .claimlint.json (this directory or a parent); flags win over it.
    Articles may hide findings with <!-- claimlint-disable-next-line RULE --> (plain text: the same words
    on a line of their own), or claimlint-disable RULE ... claimlint-enable RULE.

    options:
      --against SOURCE...      check DRAFT against these sources; only findings in the draft are reported
      --format FORMAT          text (default), json, sarif, github, rdjsonl, junit, or html
      --output FILE, -o FILE   write the report to FILE instead of standard output (inside the working directory)
      --allow-output-anywhere  let --output and --write-baseline name absolute paths or paths outside it
      --fail-on SEVERITY       exit 1 when a finding is at or above SEVERITY: error (default), warning, or note
      --strict                 same as --fail-on warning
      --only RULE[,RULE...]    run only these rules
      --rules DIR              read rules.json and lexicons/ from DIR (default: ./rules, or the installation's)
      --max-file-size SIZE     skip larger files with an error (default 64M)
      --no-snippets            text format: print header and note lines only
      --color MODE             auto (default: only on a terminal, and never with NO_COLOR set), always, or never
      --threads N, -j N        worker threads (default: all cores)
      --config FILE            read settings from FILE instead of the nearest .claimlint.json
      --no-config              ignore every .claimlint.json
      --baseline FILE          report only findings not recorded in FILE
      --write-baseline FILE    record the current findings in FILE (they are not reported in this run)
      --quiet, -q              no progress line and no summary lines on standard error
    """

  static let claims = """
    usage: claimlint claims [PATH...] [--format text|json] [--output FILE] [--allow-output-anywhere] [--rules DIR] [--config FILE]

    Prints every claim read from the reportage and reader comments of each article: figures with their
    qualifier, counted noun and action; dates and how they were resolved; attributions and quotes;
    people's titles; events with participants.
    """

  static let segments = """
    usage: claimlint segments [PATH...] [--format text|json] [--include-text] [--output FILE] [--allow-output-anywhere] [--rules DIR] [--config FILE]

    Prints each article's segments (headline, dateline, byline, subheading, reportage, list, related,
    boilerplate, comment, comments-header) with their line ranges, comment authors and reasons.
    """

  static let rules = """
    usage: claimlint rules [--format text|json]

    Lists every rule with its default severity and summary.
    """

  static let explain = """
    usage: claimlint explain RULE

    Prints a rule's documentation: summary, rationale, default severity and its examples.
    """

  static func text(for command: Arguments.Command?) -> String {
    switch command {
    case .check: return check
    case .claims: return claims
    case .segments: return segments
    case .rules: return rules
    case .explain: return explain
    case nil: return top
    }
  }
}
