TEXTS = {
    "late_parcel": {
        "subject": "Gdzie jest moje zamówienie {order}?",
        "customer": (
            "Dzień dobry,\n\nzamówienie zostało złożone prawie dwa tygodnie temu, a status "
            "przesyłki {tracking} nie zmienił się od pięciu dni. Czy mogą Państwo powiedzieć, "
            "kiedy paczka dotrze?"
            "\n\nPozdrawiam"
        ),
        "agent": (
            "Dzień dobry,\n\ndziękujemy za cierpliwość. Sprawdziliśmy przesyłkę {tracking} w "
            "{carrier}: dotarła już do oddziału przewoźnika w Polsce i powinna zostać "
            "doręczona w ciągu dwóch dni roboczych. Jeśli do piątku nie dotrze, wyślemy nową "
            "na nasz koszt.\n\nPozdrawiam serdecznie\n{agent}"
        ),
        "followup": "Dziękuję, paczka dotarła dziś rano!",
    },
    "damaged_item": {
        "subject": "Produkt „{product}” dotarł uszkodzony",
        "customer": (
            "Dzień dobry,\n\nzamówienie {order} przyszło dzisiaj, ale karton był zgnieciony, a "
            "produkt „{product}” jest uszkodzony. Mogę przesłać zdjęcia. Co teraz?"
        ),
        "agent": (
            "Dzień dobry,\n\nbardzo nam przykro, że produkt „{product}” dotarł w takim stanie. "
            "Wysłaliśmy bezpłatnie nowy egzemplarz, a uszkodzonego nie trzeba odsyłać. Nowy "
            "numer przesyłki otrzymają Państwo e-mailem.\n\nZ pozdrowieniami\n{agent}"
        ),
        "followup": "Szybko poszło – bardzo dziękuję.",
    },
    "return_request": {
        "subject": "Zwrot z zamówienia {order}",
        "customer": (
            "Dzień dobry,\n\nchcę zwrócić produkt „{product}” z zamówienia {order}, niestety "
            "nie pasuje. Jak go odesłać i kiedy otrzymam zwrot pieniędzy?"
        ),
        "agent": (
            "Dzień dobry,\n\noczywiście. Zatwierdziliśmy zwrot produktu „{product}”, a "
            "opłaconą etykietę zwrotną wyślemy e-mailem. Gdy paczka zostanie zeskanowana, "
            "zwrócimy pełną kwotę w ciągu 14 dni tą samą metodą płatności.\n\nPozdrawiam\n{agent}"
        ),
        "followup": "Dziękuję, paczka została właśnie nadana na poczcie.",
    },
    "warranty_claim": {
        "subject": "Produkt „{product}” przestał działać",
        "customer": (
            "Dzień dobry,\n\nprodukt „{product}” kupiony około ośmiu miesięcy temu (zamówienie "
            "{order}) przestał działać prawidłowo, choć był używany ostrożnie. To chyba nadal "
            "jest objęte gwarancją?"
        ),
        "agent": (
            "Dzień dobry,\n\ndziękujemy za wiadomość. Tak, ta sytuacja jest objęta ustawową "
            "odpowiedzialnością sprzedawcy za zgodność towaru z umową. Czy mogą Państwo "
            "krótko opisać usterkę lub przesłać zdjęcie? Następnie zorganizujemy naprawę lub "
            "wymianę – według Państwa wyboru.\n\nZ pozdrowieniami\n{agent}"
        ),
        "followup": (
            "Usterka pojawia się przy każdym użyciu, nie ma widocznych uszkodzeń. Proszę o wymianę."
        ),
    },
    "address_change": {
        "subject": "Zmiana adresu dostawy zamówienia {order}",
        "customer": (
            "Dzień dobry,\n\nw zamówieniu {order}, złożonym przed chwilą, jest błąd w adresie: "
            "numer domu to 14, a nie 41. Czy można to poprawić przed wysyłką?"
        ),
        "agent": (
            "Dzień dobry,\n\nudało się zatrzymać zamówienie przed spakowaniem i poprawić numer "
            "domu na 14. Paczka wyjedzie z magazynu jeszcze dziś.\n\nPozdrawiam\n{agent}"
        ),
        "followup": "Świetnie, dziękuję!",
    },
    "customs_duties": {
        "subject": "Opłaty celne za zamówienie {order}",
        "customer": (
            "Dzień dobry,\n\nkurier żąda opłaty celnej i opłaty manipulacyjnej przed "
            "doręczeniem zamówienia {order}. Na Państwa stronie było napisane, że ceny "
            "zawierają wszystkie podatki. Dlaczego mam płacić?"
        ),
        "agent": (
            "Dzień dobry,\n\nprzepraszamy za kłopot. Zamówienie zostało wysłane z opłaconym "
            "cłem, więc {carrier} nie powinien niczego pobierać. Zgłosiliśmy to przewoźnikowi. "
            "Jeśli opłata została już uiszczona, prosimy o przesłanie potwierdzenia – zwrócimy "
            "całą kwotę.\n\nZ pozdrowieniami\n{agent}"
        ),
        "followup": (
            "Opłata została uiszczona, zanim dotarła Państwa odpowiedź. Czy mogą Państwo "
            "zwrócić pieniądze na kartę, którą opłacono zamówienie?"
        ),
    },
    "invoice": {
        "subject": "Faktura do zamówienia {order}",
        "customer": (
            "Dzień dobry,\n\nczy mogą Państwo wystawić fakturę do zamówienia {order} z nazwą "
            "mojej firmy i numerem NIP? Potrzebuję jej do księgowości."
        ),
        "agent": (
            "Dzień dobry,\n\noczywiście. Prosimy o przesłanie nazwy firmy, adresu i numeru NIP – "
            "fakturę wystawimy w ciągu jednego dnia roboczego.\n\nPozdrawiam\n{agent}"
        ),
        "followup": "Oto dane: Szlak Sp. z o.o., ul. Długa 15, 31-147 Kraków, NIP 6762451890.",
    },
}
