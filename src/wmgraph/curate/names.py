"""Word lists the drafting rules read: head words and their types, countries, words that open sentences."""

from __future__ import annotations

import re

# the type a name's first or last word gives it ("Innovate UK" has none; "University of Leeds" does)
HEAD_TYPES = {
    **dict.fromkeys(("Ltd", "Limited", "plc", "PLC", "Inc", "LLP", "Group", "Technologies", "Systems",
                     "Solutions", "Labs", "Holdings", "Bank", "Capital", "Ventures", "Robotics", "Analytics",
                     "Software", "Consulting", "Therapeutics", "Biotech", "Pharma"), "company"),
    **dict.fromkeys(("University", "College"), "university"),
    **dict.fromkeys(("Department", "Ministry", "Authority", "Agency", "Office", "Government", "Commission",
                     "Parliament", "Executive", "Treasury"), "public-body"),
    **dict.fromkeys(("Association", "Federation", "Chamber"), "trade-association"),
    **dict.fromkeys(("Foundation", "Trust", "Institute", "Network", "Partnership", "Nation", "Society",
                     "Board", "Council", "Alliance", "Consortium"), "organisation"),
    **dict.fromkeys(("Awards", "Week", "Summit", "Conference", "Festival", "Expo", "Fair", "Show", "Budget",
                     "Games", "Ceremony", "Forum", "Hackathon"), "event"),
    **dict.fromkeys(("Programme", "Programmes", "Program", "Accelerator", "Fund", "Scheme", "Challenge"), "programme"),
    **dict.fromkeys(("Testbed", "Project", "Pilot", "Hub", "Initiative", "Centre", "Campus", "Zone", "Cluster",
                     "Corridor", "Bootcamp", "Bootcamps"), "initiative"),
    **dict.fromkeys(("Report", "Review", "Index", "Survey", "Strategy", "Plan", "Commons", "Study",
                     "Roadmap", "Barometer"), "report"),
    **dict.fromkeys(("Park", "Airport", "Stadium", "Arena"), "venue"),
    **dict.fromkeys(("Minister", "Secretary", "Mayor", "Chancellor", "Commissioner", "President", "Chair",
                     "Governor", "Ambassador"), "post"),
}

COUNTRIES = frozenset((
    "Australia", "Austria", "Belgium", "Brazil", "Canada", "China", "Croatia", "Czechia", "Denmark",
    "England", "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Iceland", "India", "Ireland",
    "Israel", "Italy", "Japan", "Kenya", "Latvia", "Lithuania", "Luxembourg", "Malta", "Mexico", "Netherlands",
    "New Zealand", "Nigeria", "Northern Ireland", "Norway", "Pakistan", "Poland", "Portugal", "Romania",
    "Scotland", "Singapore", "Slovakia", "Slovenia", "South Africa", "South Korea", "Spain", "Sweden",
    "Switzerland", "Taiwan", "Turkey", "Ukraine", "United Arab Emirates", "United Kingdom", "United States",
    "Wales", "USA", "UAE",
))

# towns and cities of the region the graph maps and the UK's largest, counties and the UK's regions: places whatever
# their context
CITIES = frozenset((
    "Birmingham", "Coventry", "Wolverhampton", "Solihull", "Walsall", "Dudley", "West Bromwich", "Sutton Coldfield",
    "Nuneaton", "Rugby", "Warwick", "Leamington Spa", "Stratford-upon-Avon", "Redditch", "Kidderminster", "Worcester",
    "Hereford", "Telford", "Shrewsbury", "Stoke-on-Trent", "Stafford", "Lichfield", "Tamworth", "Cannock",
    "Bromsgrove", "Halesowen", "Smethwick", "Oldbury", "Tipton", "Wednesbury", "Bilston", "Stourbridge",
    "London", "Manchester", "Leeds", "Liverpool", "Bristol", "Sheffield", "Newcastle", "Nottingham", "Leicester",
    "Derby", "Oxford", "Cambridge", "Edinburgh", "Glasgow", "Cardiff", "Belfast", "Reading", "Milton Keynes",
))
# continents and regions of the world: a place, never a city
WORLD_REGIONS = frozenset((
    "Europe", "Asia", "Africa", "Oceania", "Antarctica", "North America", "South America", "Latin America",
    "Central America", "Middle East", "Far East", "Scandinavia", "Nordics", "Asia-Pacific", "Asia Pacific",
    "Eastern Europe", "Western Europe", "Southeast Asia", "South East Asia", "East Asia", "Caribbean", "Balkans",
    "Gulf", "Benelux", "Sub-Saharan Africa", "North Africa",
))
COUNTIES = frozenset((
    "Warwickshire", "Worcestershire", "Staffordshire", "Shropshire", "Herefordshire", "Leicestershire",
    "Derbyshire", "Nottinghamshire", "Northamptonshire", "Oxfordshire", "Gloucestershire", "Cheshire",
    "Black Country",
    # the UK's regions, named as news names them
    "Midlands", "East Midlands", "North West", "North East", "South East", "South West", "East of England",
    "Yorkshire", "Greater Manchester", "Greater London", "Thames Valley",
))

# capitalised only because they open a sentence or a heading: never the start of a name
SENTENCE_WORDS = frozenset((
    "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Twenty", "Dozens", "Hundreds", "Thousands",
    "Several", "Few",
    "A", "An", "The", "In", "On", "At", "By", "For", "From", "With", "To", "Of", "As", "And", "But", "Or",
    "If", "So", "It", "Its", "This", "That", "These", "Those", "There", "Their", "They", "He", "She", "We",
    "His", "Her", "Our", "You", "I", "According", "Among", "Between", "Both", "Half", "Most", "Many", "Some",
    "All", "Each", "Every", "New", "Two", "Three", "Four", "Five", "Work", "Demand", "Investment", "Regional",
    "Whether", "While", "When", "Where", "After", "Before", "Over", "Under", "About", "Around", "Meanwhile",
    "However", "Also", "More", "Less", "Why", "How", "What", "Who", "Which", "Despite", "Since", "Until",
    "During", "Following", "Under", "Including", "Last", "Next", "Earlier", "Later", "Now", "Today",
    "Government", "Tech", "Local", "National", "Business", "Businesses", "Growth", "Funding",
    "Across", "Within", "Beyond", "Through", "Throughout", "Outside", "Inside", "Alongside", "Elsewhere", "Against",
))
# a line that says who or what a picture shows: read as text, not as a headline
CAPTION = re.compile(r"(?:Photo|Picture|Pictured|Image|Caption)s?\s*(?:\([^)]*\))?:", re.IGNORECASE)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# where a thing is from, not its name ("any other English region", "a US operator")
DEMONYMS = frozenset(("US", "UK", "EU", "USA", "British", "American", "German", "French", "Irish", "Dutch",
                      "Indian", "Chinese", "Japanese", "Swedish", "Spanish", "Italian", "Canadian", "Australian",
                      "European", "Scottish", "Welsh", "English", "Danish", "Norwegian", "Finnish", "Swiss",
                      "Israeli", "Korean", "Singaporean", "Belgian", "Austrian", "Polish", "Portuguese"))
# titles written before a person's name, never part of it
HONORIFICS = ("Professor", "Prof", "Dr", "Sir", "Dame", "Mr", "Mrs", "Ms", "Councillor", "Cllr", "Lord", "Lady",
              "Baroness", "Baron", "MP")
NOT_NAMES = frozenset((*(d for d in DEMONYMS if not d.isupper()), *MONTHS, *WEEKDAYS, *HONORIFICS, "Christmas",
                       "Easter", "Brexit", "Covid", "Covid-19"))
# common given names of people in British news: "Laura Brennan" is a person's name before any title says so
GIVEN_NAMES = frozenset((
    "Aaron", "Adam", "Ade", "Adrian", "Ahmed", "Aisha", "Alan", "Alex", "Alexander", "Alexandra", "Ali", "Alice",
    "Alison", "Amanda", "Amara", "Amelia", "Amir", "Amira", "Amy", "Andrew", "Andy", "Angela", "Anita", "Ann", "Anna",
    "Anne", "Anthony", "Anton", "Arjun", "Asha", "Ben", "Benjamin", "Beth", "Bob", "Brian", "Carl", "Carlos",
    "Caroline", "Catherine", "Charles", "Charlotte", "Chloe", "Chris", "Christine", "Christopher", "Claire", "Colin",
    "Craig", "Daniel", "Darren", "David", "Deborah", "Deepak", "Dominic", "Edward", "Eleanor", "Elena",
    "Ella", "Emily", "Emma", "Eric", "Fatima", "Fiona", "Francesca", "Gareth", "Gary", "George",
    "Graham", "Hannah", "Harry", "Hassan", "Heather", "Helen", "Ian", "Imran", "Isabel", "Jack", "Jacob",
    "James", "Jane", "Jason", "Jennifer", "Jessica", "Joanna", "Joe", "John", "Jonathan", "Joseph", "Julia", "Julian",
    "Kamal", "Karen", "Kate", "Katherine", "Kevin", "Kiran", "Laura", "Lauren", "Lena", "Leo", "Liam", "Lisa",
    "Louise", "Lucy", "Luke", "Mark", "Marcus", "Maria", "Martin", "Mary", "Matt", "Matthew", "Megan", "Michael",
    "Michelle", "Mohammed", "Muhammad", "Nadia", "Naomi", "Natalie", "Neil", "Nicholas", "Nick", "Nicola", "Nikhil",
    "Nina", "Oliver", "Olivia", "Omar", "Owen", "Patrick", "Paul", "Peter", "Philip", "Pooja", "Priya", "Rachel",
    "Rahul", "Rajesh", "Ravi", "Rebecca", "Richard", "Robert", "Rosie", "Ruth", "Ryan", "Sam", "Samuel", "Sandeep",
    "Sanjay", "Sarah", "Sean", "Simon", "Sophie", "Stephen", "Steve", "Stuart", "Susan", "Tariq", "Thomas", "Tim",
    "Tom", "Tony", "William", "Yasmin", "Zara", "Zoe",
))

SPEECH_VERBS = ("said", "says", "added", "told", "described", "called", "warned", "stated", "explained",
                "argued", "noted", "believes", "insisted", "commented", "announced")
PERSON_CUES = ("chief", "chair", "head", "director", "founder", "mayor", "minister", "secretary", "leader",
               "president", "professor", "executive", "manager", "who", "chairman", "chairwoman", "ceo",
               "officer", "assistant", "coordinator", "adviser", "advisor", "principal", "dean", "chancellor")
