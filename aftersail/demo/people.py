"""The demo store's customers: where they live, what they are called, how parcels reach them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Market:
    country: str
    language: str  # the language the customer writes in
    currency: str
    customers: int
    in_eu: bool
    carriers: tuple[str, ...]
    transit_days: tuple[int, int]  # from the German warehouse, min and max working days
    # (city, postcode, region, IANA zone)
    cities: tuple[tuple[str, str, str, str], ...]
    streets: tuple[str, ...]
    given_names: tuple[str, ...]  # female names first, then male; see split
    family_names: tuple[str, ...]
    split: int  # given_names[:split] are female (Polish surnames agree with gender)
    family_first: bool = False  # Japanese order: family name, then given name


MARKETS = (
    Market(
        "DE", "de", "EUR", 45, True, ("dhl", "dpd"), (1, 2),
        (("Berlin", "10115", "", "Europe/Berlin"), ("München", "80331", "", "Europe/Berlin"),
         ("Hamburg", "20095", "", "Europe/Berlin"), ("Köln", "50667", "", "Europe/Berlin"),
         ("Leipzig", "04109", "", "Europe/Berlin"), ("Freiburg", "79098", "", "Europe/Berlin")),
        ("Lindenstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Am Markt"),
        ("Anna", "Lena", "Julia", "Laura", "Katharina", "Hannah", "Leonie", "Marie",
         "Jonas", "Lukas", "Felix", "Paul", "Tobias", "Florian", "Moritz", "Niklas"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
         "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Braun"),
        8,
    ),
    Market(
        "AT", "de", "EUR", 12, True, ("austrian_post",), (2, 3),
        (("Wien", "1070", "", "Europe/Vienna"), ("Graz", "8010", "", "Europe/Vienna"),
         ("Innsbruck", "6020", "", "Europe/Vienna"), ("Salzburg", "5020", "", "Europe/Vienna")),
        ("Hauptstraße", "Kirchengasse", "Mariahilfer Straße"),
        ("Magdalena", "Theresa", "Valentina", "Sophie", "Elias", "Jakob", "Lorenz", "David"),
        ("Gruber", "Huber", "Bauer", "Pichler", "Steiner", "Moser", "Hofer", "Leitner"),
        4,
    ),
    Market(
        "CH", "de", "CHF", 8, False, ("swiss_post",), (2, 5),
        (("Zürich", "8001", "", "Europe/Zurich"), ("Bern", "3011", "", "Europe/Zurich"),
         ("Luzern", "6003", "", "Europe/Zurich")),
        ("Bahnhofstrasse", "Seestrasse", "Dorfstrasse"),
        ("Nina", "Mia", "Elena", "Luca", "Noah", "Gian"),
        ("Meier", "Keller", "Brunner", "Frei", "Baumann", "Graf"),
        3,
    ),
    Market(
        "FR", "fr", "EUR", 30, True, ("colissimo", "dpd"), (2, 4),
        (("Paris", "75011", "", "Europe/Paris"), ("Lyon", "69002", "", "Europe/Paris"),
         ("Nantes", "44000", "", "Europe/Paris"), ("Bordeaux", "33000", "", "Europe/Paris"),
         ("Annecy", "74000", "", "Europe/Paris"), ("Lille", "59000", "", "Europe/Paris")),
        ("rue de la République", "avenue Jean Jaurès", "rue des Lilas", "boulevard Victor Hugo"),
        ("Camille", "Léa", "Manon", "Chloé", "Inès", "Louise", "Hugo", "Lucas", "Louis",
         "Théo", "Arthur", "Nathan"),
        ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
         "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Fournier"),
        6,
    ),
    Market(
        "ES", "es", "EUR", 20, True, ("correos", "ups"), (3, 5),
        (("Madrid", "28004", "", "Europe/Madrid"), ("Barcelona", "08001", "", "Europe/Madrid"),
         ("Valencia", "46001", "", "Europe/Madrid"), ("Sevilla", "41001", "", "Europe/Madrid"),
         ("Bilbao", "48001", "", "Europe/Madrid")),
        ("Calle Mayor", "Calle del Sol", "Avenida de la Constitución", "Calle Real"),
        ("Lucía", "María", "Paula", "Carmen", "Sofía", "Alba", "Daniel", "Pablo", "Alejandro",
         "Javier", "Sergio", "Álvaro"),
        ("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
         "Pérez", "Gómez", "Ruiz"),
        6,
    ),
    Market(
        "PL", "pl", "PLN", 20, True, ("inpost", "dpd"), (2, 4),
        (("Warszawa", "00-950", "", "Europe/Warsaw"), ("Kraków", "31-147", "", "Europe/Warsaw"),
         ("Gdańsk", "80-831", "", "Europe/Warsaw"), ("Wrocław", "50-106", "", "Europe/Warsaw"),
         ("Poznań", "61-772", "", "Europe/Warsaw")),
        ("ul. Długa", "ul. Kwiatowa", "ul. Polna", "ul. Lipowa"),
        ("Anna", "Katarzyna", "Magdalena", "Agnieszka", "Zofia", "Julia", "Piotr",
         "Krzysztof", "Tomasz", "Paweł", "Michał", "Jakub"),
        # male/female forms, separated by "|"
        ("Nowak|Nowak", "Kowalski|Kowalska", "Wiśniewski|Wiśniewska", "Wójcik|Wójcik",
         "Kamiński|Kamińska", "Lewandowski|Lewandowska", "Zieliński|Zielińska",
         "Woźniak|Woźniak", "Dąbrowski|Dąbrowska"),
        6,
    ),
    Market(
        "IT", "it", "EUR", 18, True, ("poste_italiane", "dhl"), (3, 5),
        (("Milano", "20121", "MI", "Europe/Rome"), ("Torino", "10121", "TO", "Europe/Rome"),
         ("Bologna", "40121", "BO", "Europe/Rome"), ("Roma", "00184", "RM", "Europe/Rome"),
         ("Trento", "38122", "TN", "Europe/Rome")),
        ("Via Roma", "Via Garibaldi", "Corso Italia", "Via Dante"),
        ("Giulia", "Chiara", "Francesca", "Sara", "Martina", "Alessandro", "Lorenzo",
         "Matteo", "Andrea", "Davide"),
        ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
         "Marino", "Greco"),
        5,
    ),
    Market(
        "NL", "nl", "EUR", 15, True, ("postnl", "dhl"), (1, 3),
        (("Amsterdam", "1012 AB", "", "Europe/Amsterdam"),
         ("Utrecht", "3511 LX", "", "Europe/Amsterdam"),
         ("Rotterdam", "3011 AD", "", "Europe/Amsterdam"),
         ("Groningen", "9711 LM", "", "Europe/Amsterdam")),
        ("Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg"),
        ("Sanne", "Lotte", "Fleur", "Eva", "Daan", "Sem", "Lars", "Bram", "Thijs"),
        ("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit",
         "Meijer", "Mulder", "de Boer"),
        4,
    ),
    Market(
        "SE", "sv", "SEK", 8, True, ("postnord",), (3, 5),
        (("Stockholm", "111 20", "", "Europe/Stockholm"),
         ("Göteborg", "411 01", "", "Europe/Stockholm"),
         ("Malmö", "211 20", "", "Europe/Stockholm")),
        ("Storgatan", "Kungsgatan", "Skolgatan"),
        ("Elsa", "Astrid", "Maja", "Oskar", "Erik", "Nils"),
        ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson"),
        3,
    ),
    Market(
        "GB", "en", "GBP", 20, False, ("royal_mail", "dhl_express"), (3, 6),
        (("London", "N1 9GU", "", "Europe/London"), ("Manchester", "M1 1AE", "", "Europe/London"),
         ("Edinburgh", "EH1 1YZ", "", "Europe/London"), ("Bristol", "BS1 4DJ", "", "Europe/London"),
         ("Leeds", "LS1 1UR", "", "Europe/London")),
        ("High Street", "Church Road", "Station Road", "Victoria Road"),
        ("Olivia", "Amelia", "Isla", "Emily", "Grace", "Oliver", "George", "Harry", "Jack",
         "Charlie"),
        ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans",
         "Thomas", "Roberts"),
        5,
    ),
    Market(
        "US", "en", "USD", 22, False, ("ups", "fedex"), (4, 8),
        (("New York", "10001", "NY", "America/New_York"),
         ("Boston", "02108", "MA", "America/New_York"),
         ("Chicago", "60601", "IL", "America/Chicago"),
         ("Austin", "78701", "TX", "America/Chicago"),
         ("Denver", "80202", "CO", "America/Denver"),
         ("Seattle", "98101", "WA", "America/Los_Angeles"),
         ("San Francisco", "94103", "CA", "America/Los_Angeles")),
        ("Main Street", "Oak Avenue", "Maple Drive", "Pine Street"),
        ("Emma", "Ava", "Mia", "Harper", "Abigail", "Liam", "Noah", "Ethan", "Mason", "Logan"),
        ("Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Clark", "Lewis",
         "Walker", "Young"),
        5,
    ),
    Market(
        "CA", "en", "CAD", 6, False, ("ups",), (5, 9),
        (("Toronto", "M5V 2T6", "ON", "America/Toronto"),
         ("Vancouver", "V6B 1A1", "BC", "America/Vancouver"),
         ("Calgary", "T2P 1J9", "AB", "America/Edmonton")),
        ("King Street", "Queen Street", "Granville Street"),
        ("Chloe", "Hannah", "Ryan", "Tyler"),
        ("Tremblay", "Roy", "MacDonald", "Campbell"),
        2,
    ),
    Market(
        "AU", "en", "AUD", 8, False, ("australia_post", "dhl_express"), (6, 10),
        (("Sydney", "2000", "NSW", "Australia/Sydney"),
         ("Melbourne", "3000", "VIC", "Australia/Melbourne"),
         ("Brisbane", "4000", "QLD", "Australia/Brisbane"),
         ("Perth", "6000", "WA", "Australia/Perth")),
        ("George Street", "Collins Street", "Queen Street"),
        ("Charlotte", "Matilda", "Zoe", "Jack", "Cooper", "Lachlan"),
        ("Nguyen", "Kelly", "Ryan", "Murphy", "Mitchell", "Harris"),
        3,
    ),
    Market(
        "JP", "ja", "JPY", 12, False, ("japan_post", "dhl_express"), (5, 9),
        (("千代田区", "100-0005", "東京都", "Asia/Tokyo"),
         ("大阪市北区", "530-0001", "大阪府", "Asia/Tokyo"),
         ("札幌市中央区", "060-0001", "北海道", "Asia/Tokyo"),
         ("福岡市博多区", "812-0011", "福岡県", "Asia/Tokyo")),
        ("丸の内1-2-3", "梅田2-4-6", "北一条西3-1", "博多駅前1-5"),
        ("陽菜", "結衣", "美咲", "さくら", "葵", "大翔", "蓮", "悠真", "颯太", "健太"),
        ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"),
        5,
        family_first=True,
    ),
    Market(
        "BR", "pt", "BRL", 6, False, ("dhl_express",), (7, 12),
        (("São Paulo", "01310-100", "SP", "America/Sao_Paulo"),
         ("Rio de Janeiro", "20040-020", "RJ", "America/Sao_Paulo"),
         ("Curitiba", "80010-000", "PR", "America/Sao_Paulo")),
        ("Avenida Paulista", "Rua das Flores", "Rua XV de Novembro"),
        ("Ana", "Beatriz", "Mariana", "Lucas", "Gabriel", "Rafael"),
        ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa"),
        3,
    ),
)  # fmt: skip

EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "mail.example", "post.example")
