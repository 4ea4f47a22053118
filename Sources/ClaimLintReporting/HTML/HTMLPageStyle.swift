import ClaimLintCore

/// The fixed parts of the HTML report: its style sheet, its optional filter script and the colours of
/// segment kinds. Nothing here depends on the report, so none of it needs escaping.
enum HTMLPageStyle {
  /// The colour of each segment kind in the segment maps.
  static func color(of kind: SegmentKind) -> String {
    switch kind {
    case .headline: return "#1d4ed8"
    case .dateline: return "#0e7490"
    case .byline: return "#7c3aed"
    case .subheading: return "#3b82f6"
    case .reportage: return "#15803d"
    case .list: return "#65a30d"
    case .related: return "#c026d3"
    case .boilerplate: return "#8b93a1"
    case .comment: return "#ea580c"
    case .commentsHeader: return "#d97706"
    }
  }

  /// The style sheet: system fonts only, severity colours as custom properties, one rule per segment kind.
  static var css: String {
    var rules = baseCSS
    for kind in SegmentKind.allCases {
      rules += ".k-\(kind.rawValue){background:\(color(of: kind))}\n"
    }
    return rules
  }

  private static let baseCSS = """
    :root{--fg:#1b2230;--muted:#5d6677;--line:#d8dde6;--bg:#f4f6f9;--card:#fff;--head:#eef1f6;
    --error:#b42318;--error-bg:#fde3e1;--error-soft:#fff3f1;
    --warning:#b54708;--warning-bg:#feefc6;--warning-soft:#fffaeb;
    --note:#1c5cc4;--note-bg:#e0ebfc;--note-soft:#f3f7fe;
    --agree:#067647;--agree-bg:#ddf6e6}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;color:var(--fg);background:var(--bg)}
    a{color:#1d4fd8}
    code,pre,.mono{font-family:ui-monospace,"SF Mono",Menlo,Consolas,"DejaVu Sans Mono",monospace}
    header.top{background:#1b2230;color:#fff;padding:18px 28px 14px}
    header.top h1{margin:0;font-size:20px;font-weight:600}
    header.top .sub{font-weight:400;color:#c3cad6;font-size:15px;margin-left:10px}
    header.top .summary{margin:6px 0 0;font-size:15px}
    header.top nav{margin-top:10px;font-size:13px}
    header.top nav a{color:#bcd3ff;margin-right:16px;text-decoration:none}
    header.top nav a:hover{text-decoration:underline}
    main{padding:20px 28px 36px}
    section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px 18px;margin:0 0 20px}
    h2{font-size:17px;margin:0 0 4px}
    h3{font-size:15px;margin:0 0 4px}
    .hint{color:var(--muted);margin:0 0 10px}
    .empty{color:var(--muted);font-style:italic;margin:6px 0}
    .legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin:0 0 10px;padding:0;list-style:none;font-size:12.5px;color:var(--muted)}
    .swatch{display:inline-block;width:13px;height:13px;border-radius:3px;vertical-align:-2px;margin-right:5px;border:1px solid rgba(0,0,0,.12)}
    .swatch.sev-error{background:var(--error-bg);box-shadow:inset 3px 0 0 var(--error)}
    .swatch.sev-warning{background:var(--warning-bg);box-shadow:inset 3px 0 0 var(--warning)}
    .swatch.sev-note{background:var(--note-bg);box-shadow:inset 3px 0 0 var(--note)}
    .swatch.agree{background:var(--agree-bg);box-shadow:inset 3px 0 0 var(--agree)}
    .swatch.unread{background:repeating-linear-gradient(45deg,#eceff3,#eceff3 3px,#dde1e8 3px,#dde1e8 6px)}
    .filters{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin:0 0 10px;font-size:13px}
    .filters[hidden]{display:none}
    .filters input[type=search]{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:5px;min-width:240px}
    .matrix-wrap{overflow:auto;max-height:72vh;border:1px solid var(--line);border-radius:6px}
    table.matrix{border-collapse:separate;border-spacing:0;width:100%;font-size:13px}
    table.matrix th,table.matrix td{border-bottom:1px solid var(--line);border-right:1px solid var(--line);padding:7px 10px;vertical-align:top;text-align:left}
    table.matrix thead th{position:sticky;top:0;z-index:2;background:var(--head);font-weight:600;min-width:170px}
    table.matrix thead th.fact-col{left:0;z-index:3;min-width:280px}
    table.matrix thead .file{display:block;font-size:13.5px;word-break:break-all}
    table.matrix thead .dir{display:block;font-weight:400;font-size:11.5px;color:var(--muted);word-break:break-all}
    table.matrix thead .role{display:inline-block;font-size:10.5px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:#fff;background:#1b2230;border-radius:3px;padding:0 5px;margin-bottom:3px}
    table.matrix thead .role.source{background:#8b93a1}
    table.matrix thead .date{display:block;font-weight:400;font-size:11.5px;color:var(--muted)}
    table.matrix tbody th{position:sticky;left:0;z-index:1;background:#fff;font-weight:400;max-width:360px}
    table.matrix tbody tr:last-child>*{border-bottom:0}
    table.matrix tbody th .msg{display:block;margin-top:3px}
    table.matrix tbody th .kind{font-weight:600}
    table.matrix tbody tr.group-agree th{background:#fbfdfb}
    td.cell.empty{color:#b3b9c4;text-align:center}
    td.cell.primary.sev-error{background:var(--error-bg);box-shadow:inset 4px 0 0 var(--error)}
    td.cell.primary.sev-warning{background:var(--warning-bg);box-shadow:inset 4px 0 0 var(--warning)}
    td.cell.primary.sev-note{background:var(--note-bg);box-shadow:inset 4px 0 0 var(--note)}
    td.cell.conflict.sev-error{background:var(--error-soft);box-shadow:inset 4px 0 0 #f3a29a}
    td.cell.conflict.sev-warning{background:var(--warning-soft);box-shadow:inset 4px 0 0 #f5c56b}
    td.cell.conflict.sev-note{background:var(--note-soft);box-shadow:inset 4px 0 0 #9dbdf0}
    td.cell.agree{background:var(--agree-bg);box-shadow:inset 4px 0 0 var(--agree)}
    a.span{display:block;color:inherit;text-decoration:none}
    a.span+a.span{margin-top:6px;padding-top:6px;border-top:1px dashed rgba(0,0,0,.15)}
    a.span .text{font-weight:600}
    a.span:hover .text{text-decoration:underline}
    a.span .loc{display:block;font-size:11.5px;color:var(--muted)}
    .badge{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;border-radius:4px;padding:1px 6px;color:#fff;vertical-align:1px}
    .badge.sev-error{background:var(--error)}
    .badge.sev-warning{background:var(--warning)}
    .badge.sev-note{background:var(--note)}
    .badge.agree{background:var(--agree)}
    .badge.draft{background:#1b2230}
    .rule{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px;color:var(--muted)}
    ol.findings{list-style:none;margin:8px 0 0;padding:0}
    li.finding{border:1px solid var(--line);border-left-width:5px;border-radius:6px;padding:10px 14px;margin:0 0 10px}
    li.finding.sev-error{border-left-color:var(--error)}
    li.finding.sev-warning{border-left-color:var(--warning)}
    li.finding.sev-note{border-left-color:var(--note)}
    li.finding .head{font-size:14px}
    li.finding .head .msg{font-weight:600}
    a.loc{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12.5px}
    pre.snippet{background:#f6f7f9;border:1px solid var(--line);border-radius:5px;padding:6px 10px;margin:8px 0;white-space:pre-wrap;word-break:break-word;font-size:12.5px}
    pre.snippet .ln{color:var(--muted);user-select:none;margin-right:10px}
    pre.snippet mark{border-radius:2px;padding:0 1px}
    pre.snippet mark.sev-error{background:var(--error-bg);outline:1px solid var(--error)}
    pre.snippet mark.sev-warning{background:var(--warning-bg);outline:1px solid var(--warning)}
    pre.snippet mark.sev-note{background:var(--note-bg);outline:1px solid var(--note)}
    pre.snippet .label{display:block;color:var(--muted);font-style:italic}
    ul.notes{list-style:none;margin:6px 0 0;padding:0}
    ul.notes li{margin:3px 0}
    .note-tag{font-weight:600;color:var(--note)}
    p.help{margin:6px 0 0}
    p.help b{color:#067647}
    article.document{border-top:1px solid var(--line);padding:14px 0 6px}
    article.document:first-of-type{border-top:0;padding-top:4px}
    .meta{color:var(--muted);margin:0 0 8px;font-size:13px}
    ul.remarks{margin:0 0 8px;padding-left:18px;color:var(--muted);font-size:13px}
    .segbar{position:relative;height:24px;border-radius:4px;border:1px solid var(--line);overflow:hidden;margin:4px 0 10px;background:repeating-linear-gradient(45deg,#eceff3,#eceff3 3px,#dde1e8 3px,#dde1e8 6px)}
    .segbar .seg{position:absolute;top:0;bottom:0;min-width:3px;border-right:1px solid #fff}
    table.plain{border-collapse:collapse;width:100%;font-size:13px}
    table.plain th,table.plain td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
    table.plain thead th{background:var(--head);font-weight:600}
    table.plain td.lines{white-space:nowrap;width:1%}
    table.plain td.preview{color:var(--muted)}
    .chip{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;color:#fff;white-space:nowrap}
    details.claims{margin:8px 0 4px}
    details.claims summary{cursor:pointer;color:#1d4fd8}
    details.segtext pre{white-space:pre-wrap;margin:4px 0;font-size:12px}
    ul.problems{list-style:none;padding:0;margin:6px 0 0}
    ul.problems li{margin:4px 0}
    footer{color:var(--muted);font-size:12px;padding:0 28px 24px}

    """

  /// Shows the filter bar and hides matrix rows by group or text; the page works fully without it.
  static let script = """
    (function(){var bar=document.getElementById('matrix-filters');if(!bar)return;bar.hidden=false;
    var rows=[].slice.call(document.querySelectorAll('#claim-matrix tbody tr'));
    var boxes=[].slice.call(bar.querySelectorAll('input[type=checkbox]'));
    var search=document.getElementById('matrix-search');
    function apply(){var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
    var q=search.value.toLowerCase();
    rows.forEach(function(r){var g=r.getAttribute('data-group');
    r.hidden=on[g]===false||(q!==''&&r.textContent.toLowerCase().indexOf(q)===-1);});}
    boxes.forEach(function(b){b.addEventListener('change',apply);});search.addEventListener('input',apply);})();

    """
}
