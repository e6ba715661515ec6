TEXTS = {
    "late_parcel": {
        "subject": "Waar blijft mijn bestelling {order}?",
        "customer": (
            "Hallo,\n\nik heb bijna twee weken geleden besteld en de track-and-trace van "
            "{tracking} is al vijf dagen niet bijgewerkt. Weten jullie wanneer het pakket "
            "aankomt?\n\nAlvast bedankt"
        ),
        "agent": (
            "Hallo {name},\n\nbedankt voor je geduld. Ik heb het nagevraagd bij {carrier}: je "
            "pakket {tracking} is aangekomen in het sorteercentrum bij jou in de buurt en wordt "
            "binnen twee werkdagen bezorgd. Is het er vrijdag nog niet, dan sturen we op onze "
            "kosten een nieuw exemplaar.\n\nMet vriendelijke groet,\n{agent}"
        ),
        "followup": "Dank je, het pakket is vanochtend aangekomen!",
    },
    "damaged_item": {
        "subject": "Artikel beschadigd aangekomen: {product}",
        "customer": (
            "Hallo,\n\nmijn bestelling {order} kwam vandaag binnen, maar de doos was ingedeukt "
            "en het artikel '{product}' is beschadigd. Ik kan foto's sturen als dat helpt. Wat "
            "nu?"
        ),
        "agent": (
            "Hallo {name},\n\nvervelend dat '{product}' zo bij je is aangekomen. We hebben "
            "kosteloos een vervangend exemplaar gestuurd; het beschadigde artikel hoef je niet "
            "terug te sturen. De nieuwe track-and-trace ontvang je per e-mail.\n\n"
            "Met vriendelijke groet,\n{agent}"
        ),
        "followup": "Dat ging snel, heel erg bedankt.",
    },
    "return_request": {
        "subject": "Retour voor bestelling {order}",
        "customer": (
            "Hallo,\n\nik wil '{product}' uit bestelling {order} retourneren, het past helaas "
            "niet zoals ik hoopte. Hoe stuur ik het terug en wanneer krijg ik mijn geld terug?"
        ),
        "agent": (
            "Hallo {name},\n\nnatuurlijk. Ik heb de retour van '{product}' goedgekeurd en je "
            "ontvangt per e-mail een gratis retourlabel. Zodra het pakket is gescand, storten we "
            "het volledige bedrag binnen 14 dagen terug via je oorspronkelijke "
            "betaalmethode.\n\nMet vriendelijke groet,\n{agent}"
        ),
        "followup": "Bedankt, ik heb het pakket net bij het postpunt afgegeven.",
    },
    "warranty_claim": {
        "subject": "'{product}' werkt niet meer",
        "customer": (
            "Hallo,\n\nik heb '{product}' ongeveer acht maanden geleden gekocht (bestelling "
            "{order}) en het werkt niet meer goed, terwijl ik er altijd zuinig op ben geweest. "
            "Dat valt toch nog onder de garantie?"
        ),
        "agent": (
            "Hallo {name},\n\nbedankt voor je bericht. Ja, dit valt onder de wettelijke "
            "garantie. Kun je het defect kort beschrijven of een foto sturen? Daarna regelen we "
            "een reparatie of een vervanging, wat jij het liefst hebt.\n\n"
            "Met vriendelijke groet,\n{agent}"
        ),
        "followup": (
            "Het gebeurt elke keer dat ik het gebruik en er is geen zichtbare schade. Ik heb "
            "liever een vervanging."
        ),
    },
    "address_change": {
        "subject": "Bezorgadres van {order} wijzigen",
        "customer": (
            "Hallo,\n\nik heb net bestelling {order} geplaatst en zie een typfout in het adres: "
            "het huisnummer is 14, niet 41. Kunnen jullie dat nog aanpassen voor verzending?"
        ),
        "agent": (
            "Hallo {name},\n\nik heb je bestelling nog voor het inpakken kunnen tegenhouden en "
            "het huisnummer aangepast naar 14. Hij gaat vandaag de deur uit.\n\nGroet,\n{agent}"
        ),
        "followup": "Top, bedankt!",
    },
    "customs_duties": {
        "subject": "Invoerkosten voor bestelling {order}",
        "customer": (
            "Hallo,\n\nde bezorger wil dat ik invoerrechten en administratiekosten betaal voordat "
            "bestelling {order} wordt afgeleverd. Op jullie website stond dat alle belastingen "
            "in de prijs zitten. Waarom moet ik dit betalen?"
        ),
        "agent": (
            "Hallo {name},\n\nsorry voor het gedoe. Je bestelling is met betaalde invoerrechten "
            "verzonden, dus {carrier} had niets mogen rekenen. Ik heb het bij hen gemeld. Heb je "
            "al betaald? Stuur ons dan het betaalbewijs, dan krijg je het volledige bedrag "
            "terug.\n\nMet vriendelijke groet,\n{agent}"
        ),
        "followup": (
            "Ik had al betaald voordat ik jullie antwoord zag. Kunnen jullie het terugstorten op "
            "de kaart waarmee ik de bestelling heb betaald?"
        ),
    },
    "invoice": {
        "subject": "Factuur voor bestelling {order}",
        "customer": (
            "Hallo,\n\nkunnen jullie mij een factuur sturen voor bestelling {order} met mijn "
            "bedrijfsnaam en btw-nummer? Ik heb hem nodig voor de boekhouding."
        ),
        "agent": (
            "Hallo {name},\n\nzeker. Stuur me de bedrijfsnaam, het adres en het btw-nummer, dan "
            "maak ik de factuur binnen één werkdag op.\n\nMet vriendelijke groet,\n{agent}"
        ),
        "followup": (
            "Hier zijn de gegevens: Duinpad B.V., Kerkstraat 9, 3511 LX Utrecht, btw-nummer "
            "NL861234567B01."
        ),
    },
}
