import ClaimLintCore

// The shipped segmentation word lists, embedded so the library works without a `rules/` directory.
// `SegmentationLexiconsTests` checks that these texts equal `rules/lexicons/segment-markers.tsv` and
// `rules/lexicons/language-names.tsv` byte for byte; after editing a file, copy it here.

extension SegmentationLexicons {
  /// The lexicons of the shipped `rules/lexicons/segment-*.tsv` and `language-names.tsv` files.
  public static let builtIn: SegmentationLexicons = {
    var set = LexiconSet()
    if let markers = try? LexiconTable(path: "rules/lexicons/segment-markers.tsv", text: builtInMarkersText) {
      set.merge(markers, as: "segment-markers")
    }
    if let names = try? LexiconTable(path: "rules/lexicons/language-names.tsv", text: builtInLanguageNamesText) {
      set.merge(names, as: "language-names")
    }
    return (try? SegmentationLexicons(set)) ?? SegmentationLexicons(markers: [], languageNames: [])
  }()

  /// The text of `rules/lexicons/segment-markers.tsv`.
  static let builtInMarkersText = #"""
# Marker phrases the segmenter looks for in short blocks of an article: lines of plain text, and
# Markdown or HTML blocks that the markup itself did not classify.
#
# One marker a line, three tab-separated fields: kind, match, phrase.
#
# kind
#   comments-header  starts the reader comments section ("6 Comments", "Leave a reply")
#   related          starts a list of links to other stories; it and the short lines after it are related
#   byline           a credit line: reporter, agency, editor, photo credit, copyright
#   boilerplate      page furniture: share bars, advertisements, cookie and newsletter prompts
#   section          a section label above the headline ("news", "World"); it becomes boilerplate
#   minor-word       a word that stays lower-case in a Title Case line (used to judge headings)
#
# match (the block is lower-cased, runs of spaces folded, trailing ':' '.' '!' and '»' removed)
#   exact     the whole block is the phrase
#   prefix    the block starts with the phrase, followed by a space, a colon or nothing
#   contains  the phrase occurs anywhere in the block (short blocks only)
#   count     the block is the phrase plus a number: "6 comments", "comments (12)", "comments: 3"
#   word      a single word (minor-word only)
#
# Phrases are compared in lower case.

comments-header	count	comments
comments-header	count	comment
comments-header	count	reader comments
comments-header	count	responses
comments-header	count	response
comments-header	count	thoughts
comments-header	exact	comments
comments-header	exact	leave a reply
comments-header	exact	leave a comment
comments-header	exact	join the discussion
comments-header	exact	join the conversation
comments-header	exact	reader comments
comments-header	exact	readers' comments
comments-header	exact	readers’ comments
comments-header	exact	what readers say
comments-header	exact	what our readers say
comments-header	exact	your comments

related	prefix	related news
related	prefix	related articles
related	prefix	related article
related	prefix	related stories
related	prefix	related story
related	prefix	related coverage
related	prefix	related content
related	prefix	related posts
related	prefix	related reading
related	exact	related
related	prefix	related:
related	prefix	read more
related	prefix	read also
related	prefix	also read
related	prefix	more from
related	prefix	more on this story
related	prefix	more stories
related	prefix	more news
related	prefix	you may also like
related	prefix	you might also like
related	prefix	you may be interested in
related	prefix	recommended for you
related	exact	recommended
related	prefix	further reading
related	prefix	see also
related	exact	most read
related	exact	most popular
related	exact	trending
related	exact	trending now
related	exact	latest news
related	exact	editor's picks
related	exact	editor’s picks

byline	prefix	by
byline	prefix	reporting by
byline	prefix	additional reporting by
byline	prefix	edited by
byline	prefix	editing by
byline	prefix	writing by
byline	prefix	written by
byline	prefix	compiled by
byline	prefix	translated by
byline	prefix	reporter
byline	prefix	photo
byline	prefix	photos
byline	prefix	photo by
byline	prefix	photograph
byline	prefix	image
byline	prefix	source
byline	prefix	©
byline	prefix	(c)
byline	prefix	copyright
byline	contains	all rights reserved
byline	exact	(end)
byline	exact	(ends)
byline	exact	end
byline	exact	ends
byline	exact	staff reporter
byline	exact	staff correspondent
byline	exact	staff writer
byline	exact	our correspondent
byline	exact	agencies
byline	exact	agency reports
byline	exact	wire services
byline	exact	asia news network
byline	exact	xinhua
byline	exact	reuters
byline	exact	afp
byline	exact	ap
byline	exact	associated press
byline	exact	bernama
byline	exact	kyodo
byline	exact	yonhap

boilerplate	exact	advertisement
boilerplate	exact	advertisements
boilerplate	exact	advertising
boilerplate	exact	ad
boilerplate	exact	sponsored
boilerplate	exact	sponsored content
boilerplate	exact	share
boilerplate	exact	share this
boilerplate	exact	tweet
boilerplate	exact	email
boilerplate	exact	print
boilerplate	exact	copy link
boilerplate	exact	facebook
boilerplate	exact	twitter
boilerplate	exact	linkedin
boilerplate	exact	whatsapp
boilerplate	exact	telegram
boilerplate	exact	reply
boilerplate	exact	report
boilerplate	exact	like
boilerplate	exact	subscribe
boilerplate	exact	sign up
boilerplate	exact	sign in
boilerplate	exact	log in
boilerplate	exact	login
boilerplate	exact	register
boilerplate	exact	menu
boilerplate	exact	search
boilerplate	exact	home
boilerplate	exact	back to top
boilerplate	exact	top
boilerplate	exact	next article
boilerplate	exact	previous article
boilerplate	exact	load more
boilerplate	exact	load more comments
boilerplate	exact	show more comments
boilerplate	exact	view comments
boilerplate	exact	post a comment
boilerplate	exact	add a comment
boilerplate	exact	accept
boilerplate	exact	accept all
boilerplate	exact	cookie settings
boilerplate	prefix	share on
boilerplate	prefix	share this article
boilerplate	prefix	share this story
boilerplate	prefix	click here
boilerplate	prefix	subscribe to
boilerplate	prefix	sign up for
boilerplate	prefix	sign up to
boilerplate	prefix	follow us
boilerplate	prefix	get the latest
boilerplate	prefix	download our app
boilerplate	prefix	download the app
boilerplate	prefix	join our newsletter
boilerplate	prefix	newsletter
boilerplate	prefix	listen to this article
boilerplate	prefix	skip to
boilerplate	prefix	scroll to continue
boilerplate	prefix	we use cookies
boilerplate	prefix	this website uses cookies
boilerplate	prefix	this site uses cookies
boilerplate	prefix	by continuing to use
boilerplate	contains	click here to subscribe
boilerplate	contains	accept cookies
boilerplate	contains	cookie policy
boilerplate	contains	privacy policy
boilerplate	contains	terms of use

section	exact	news
section	exact	world
section	exact	world news
section	exact	business
section	exact	politics
section	exact	economy
section	exact	markets
section	exact	opinion
section	exact	sport
section	exact	sports
section	exact	tech
section	exact	technology
section	exact	science
section	exact	health
section	exact	culture
section	exact	lifestyle
section	exact	entertainment
section	exact	environment
section	exact	society
section	exact	nation
section	exact	national
section	exact	international
section	exact	local
section	exact	region
section	exact	regional
section	exact	asia
section	exact	asia-pacific
section	exact	southeast asia
section	exact	china
section	exact	diplomacy
section	exact	breaking news
section	exact	top stories
section	exact	latest

minor-word	word	a
minor-word	word	an
minor-word	word	the
minor-word	word	and
minor-word	word	or
minor-word	word	but
minor-word	word	nor
minor-word	word	of
minor-word	word	on
minor-word	word	in
minor-word	word	at
minor-word	word	to
minor-word	word	for
minor-word	word	by
minor-word	word	from
minor-word	word	with
minor-word	word	into
minor-word	word	over
minor-word	word	as
minor-word	word	vs
minor-word	word	via

"""#

  /// The text of `rules/lexicons/language-names.tsv`.
  static let builtInLanguageNamesText = #"""
# Names of languages as they appear in the language menus of news sites, in their own script and in
# English. The segmenter treats a short block made mostly of these names (often glued together without
# spaces, in several scripts) as boilerplate.
#
# One name a line; an optional second field gives the language in English, for readers of this file.
# Matching ignores case; the longest name that fits wins.

English
中文	Chinese
简体中文	Chinese (simplified)
繁體中文	Chinese (traditional)
繁体中文	Chinese (traditional)
汉语	Chinese
漢語	Chinese
한어	Chinese (Korean name)
한국어	Korean
조선말	Korean
日本語	Japanese
にほんご	Japanese
Русский	Russian
Русский язык	Russian
Українська	Ukrainian
Беларуская	Belarusian
Български	Bulgarian
Српски	Serbian
Монгол	Mongolian
Қазақ	Kazakh
Қазақша	Kazakh
Ελληνικά	Greek
Français	French
Deutsch	German
Español	Spanish
Português	Portuguese
Italiano	Italian
Nederlands	Dutch
Polski	Polish
Čeština	Czech
Slovenčina	Slovak
Magyar	Hungarian
Română	Romanian
Hrvatski	Croatian
Slovenščina	Slovenian
Svenska	Swedish
Norsk	Norwegian
Dansk	Danish
Suomi	Finnish
Suomalainen	Finnish
Íslenska	Icelandic
Eesti	Estonian
Latviešu	Latvian
Lietuvių	Lithuanian
Türkçe	Turkish
Azərbaycanca	Azerbaijani
Oʻzbekcha	Uzbek
Latina	Latin
Esperanto	Esperanto
Català	Catalan
Euskara	Basque
Galego	Galician
Gaeilge	Irish
Cymraeg	Welsh
العربية	Arabic
فارسی	Persian
اردو	Urdu
עברית	Hebrew
हिन्दी	Hindi
संस्कृतम्	Sanskrit
বাংলা	Bengali
தமிழ்	Tamil
తెలుగు	Telugu
नेपाली	Nepali
සිංහල	Sinhala
ไทย	Thai
ภาษาไทย	Thai
ລາວ	Lao
ພາສາລາວ	Lao
မြန်မာ	Burmese
မြန်မာဘာသာ	Burmese
ខ្មែរ	Khmer
ភាសាខ្មែរ	Khmer
Tiếng Việt	Vietnamese
Bahasa Indonesia	Indonesian
Bahasa Melayu	Malay
Melayu	Malay
Filipino	Filipino
Tagalog	Tagalog
Kiswahili	Swahili
Hausa	Hausa
Afrikaans	Afrikaans
Chinese
Japanese
Korean
Russian
Ukrainian
Greek
French
German
Spanish
Portuguese
Italian
Dutch
Polish
Turkish
Latin
Arabic
Persian
Hebrew
Hindi
Sanskrit
Bengali
Urdu
Thai
Lao
Burmese
Khmer
Vietnamese
Indonesian
Malay
Mongolian
Finnish
Swedish

"""#
}
