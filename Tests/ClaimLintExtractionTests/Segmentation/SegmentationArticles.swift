/// Articles written for the segmentation tests. Each reproduces a layout found in real news pages
/// (the facts are invented).
enum SegmentationArticles {
  /// Agency copy: a section label, the headline, a date line, a language menu, then a lead paragraph
  /// that opens with an agency dateline.
  static let agencyWithMenu = """
    world

    Thailand and Cambodia agree to reopen three border checkpoints closed since the spring floods

    2025-06-21

    EnglishEspañol中文Русский한국어DeutschΕλληνικάFrançaisTiếng ViệtItalianoPortuguês日本語

    Mekong Wire, Aranyaprathet, June 20 (Reporter Dara Som) Officials from Thailand and Cambodia met on the 20th at the Aranyaprathet crossing and agreed to reopen three checkpoints that were shut when floodwater damaged the approach roads in April.

    The two delegations said traders had lost an estimated 1.2 billion baht while the crossings were closed. Repairs to the roads on both sides are due to finish by the end of July, and customs staff will return in stages.

    A joint committee will meet again in September to review lorry traffic and inspection times. (End)
    """

  /// One paragraph per line, no blank lines, and a credit block of a reporter, a paper and a network.
  static let linesWithCredits = """
    Vietnam and Laos have signed an agreement to share flood forecasts from 14 river gauges along the Mekong, the Vietnamese water ministry said on Tuesday.
    The deal follows a season in which late warnings left villages in two provinces with less than six hours to move livestock to higher ground.
    Officials said the gauges would report every 15 minutes during the monsoon months, up from twice a day.
    "A warning that comes a day earlier saves more than any dyke we could build," deputy minister Tran Van Hoa said at the signing.
    The ministry said a similar arrangement with Cambodia is under discussion.
    Linh Pham
    The Saigon Ledger
    Asia News Network
    """

  /// A rewritten feature: headline, subheadings, a "Key Takeaways:" list and a "Related News" tail.
  static let featureWithTakeaways = """
    A New Chapter for River Safety: Mekong Neighbours Share Flood Data


    In the riverside city of Pakse, officials from Laos and Vietnam gathered to sign a data-sharing pact that both sides described as overdue. The agreement covers fourteen gauges and a shared warning channel.
    Key Takeaways:
    - Faster Warnings: Gauge readings every fifteen minutes during the monsoon.
    - Shared Channel: A single hotline between the two forecasting centres.
    - Next Steps: Talks with Cambodia are expected before the end of the year.
    Why It Matters
    Late warnings last year left several villages with only hours to prepare. Officials hope the new readings will give farmers a full day's notice.
    Looking Ahead
    The ministries plan a joint drill in October to test the hotline under realistic conditions.
    Related News
    Floodwater recedes in southern Laos as rice harvest begins
    Cambodia opens new weather radar in Kratie

    """

  /// A portal story with subheadings, a list, and a comments section with five author/comment pairs.
  static let storyWithComments = """
    Port Authority Confirms Record Container Volumes
    The regional port authority reported record container volumes for the first half of the year at a briefing in Haiphong on Tuesday, March 4, 2025, crediting a new deep-water berth.
    Growth Driven by New Berth
    The berth, opened in January, handled 310,000 containers in its first two months, the authority said. Officials expect the figure to pass one million by December. Other results include:
    - Average waiting time for ships fell to 18 hours.
    - Rail links carried 12 percent of containers inland.
    - Two new shipping lines added weekly calls.
    What Comes Next
    A second berth is planned for 2027, subject to an environmental review of the dredging work.
    5 Comments
    Minh Tran
    Good news for exporters. The berth took long enough to build.
    harbourwatch
    Waiting times are still far above what Singapore manages, and nobody in the report explains why the rail share is so low.
    Ana Lopes
    Impressive figures.
    DockerDan
    Record volumes mean record congestion on the highway to the port.
    Quynh
    Any word on whether the old berth will close?
    """

  /// Short subheadings and no comments section: none of them is a comment author.
  static let shortSubheadingsNoComments = """
    Night Market Reopens After Renovation
    Vendors returned to the riverside night market on Friday after a four-month renovation that added lighting, drainage and 60 new stalls, the city council said.
    New Stalls
    Most of the new stalls went to families who had sold food from carts along the embankment. Rents are fixed for the first two years.
    Parking
    The council has opened a car park for 200 vehicles behind the old customs house.
    Visitors
    Tourism officials expect about 4,000 visitors a night during the dry season.
    """

  /// A comments header whose count (12) is more than the page shows (2).
  static let countHeaderTooHigh = """
    Ferry Service Resumes on the Upper River
    Ferries resumed regular crossings at Chiang Khong on Monday after water levels rose enough for the larger boats to dock safely.
    12 Comments
    LaoTraveller
    Took the morning boat today and it left on time.
    Somchai P.
    Good to hear. The road detour added two hours.
    """

  /// A comments header whose count (3) tells a short comment line from an author line.
  static let countHeaderDecides = """
    Flood Barrier Plan Approved
    The provincial council approved a 45-kilometre flood barrier on Thursday, with construction due to start in November.
    3 Comments
    riverwatch
    The barrier is welcome.
    Well said
    Though the route through the old town still needs work.
    Kanya S.
    Who pays for maintenance?
    Mark Ellis
    About time.
    """

  /// Wire copy wrapped at a fixed width with blank lines between paragraphs, and a byline.
  static let wrappedWire = """
    RIVER HERALD -- Saturday, 8 March 2025

    Dam operators lower reservoir ahead of storm

    By Malee Chanthavong, environment correspondent

    VIENTIANE -- Operators of the Nam Ngum dam began releasing water on Friday to make room for heavy
    rain forecast for the weekend, the energy ministry said, and warned villages downstream to move
    boats and nets away from the banks.

    The reservoir stood at 91 percent of capacity on Thursday evening. Officials said releases would
    continue until the level falls below 85 percent.

    Share this article

    Advertisement
    """
}
