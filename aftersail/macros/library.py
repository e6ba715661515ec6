"""The after-sales macros Aftersail ships, in English, German, French, Spanish, Polish and
Japanese. Loaded by ``aftersail load_macros`` and by the demo; merchants edit them in the
admin afterwards (a reload only adds what is missing, it never overwrites their edits).

German and French use the polite form (Sie, vous); Spanish and Polish the informal address
their online shops use (tú, Ty); Japanese polite business language.
"""

from __future__ import annotations

from typing import TypedDict


class MacroSpec(TypedDict):
    slug: str
    name: str
    set_status: str
    set_category: str
    add_tags: list[str]
    variants: dict[str, str]


LIBRARY: list[MacroSpec] = [
    {
        "slug": "where-is-my-order",
        "name": "Where is my order",
        "set_status": "pending",
        "set_category": "where_is_my_order",
        "add_tags": [],
        "variants": {
            "en": (
                "Hello {customer_first_name},\n\n"
                "thank you for your message. Your order {order_number} is on its way; you "
                "can follow the parcel here: {tracking_link}\n\n"
                "If it has not arrived within three working days, just reply to this "
                "message and we will open an investigation with the carrier.\n\n"
                "Best regards,\n{agent_name}, {store_name}"
            ),
            "de": (
                "Guten Tag {customer_first_name},\n\n"
                "vielen Dank für Ihre Nachricht. Ihre Bestellung {order_number} ist "
                "unterwegs; die Sendung können Sie hier verfolgen: {tracking_link}\n\n"
                "Sollte sie nicht innerhalb von drei Werktagen ankommen, antworten Sie "
                "einfach auf diese Nachricht, dann leiten wir beim Versanddienstleister "
                "einen Nachforschungsauftrag ein.\n\n"
                "Freundliche Grüße\n{agent_name}, {store_name}"
            ),
            "fr": (
                "Bonjour {customer_first_name},\n\n"
                "merci pour votre message. Votre commande {order_number} est en route ; "
                "vous pouvez suivre le colis ici : {tracking_link}\n\n"
                "S'il ne vous est pas parvenu d'ici trois jours ouvrés, répondez "
                "simplement à ce message et nous ouvrirons une enquête auprès du "
                "transporteur.\n\n"
                "Bien cordialement,\n{agent_name}, {store_name}"
            ),
            "es": (
                "Hola, {customer_first_name}:\n\n"
                "gracias por tu mensaje. Tu pedido {order_number} ya está en camino; "
                "puedes seguir el paquete aquí: {tracking_link}\n\n"
                "Si no lo recibes en tres días hábiles, responde a este mensaje y "
                "abriremos una investigación con la empresa de transporte.\n\n"
                "Un saludo,\n{agent_name}, {store_name}"
            ),
            "pl": (
                "Cześć {customer_first_name},\n\n"
                "dziękujemy za wiadomość. Twoje zamówienie {order_number} jest już w "
                "drodze; przesyłkę możesz śledzić tutaj: {tracking_link}\n\n"
                "Jeśli nie dotrze w ciągu trzech dni roboczych, po prostu odpowiedz na tę "
                "wiadomość, a złożymy u przewoźnika reklamację w sprawie przesyłki.\n\n"
                "Pozdrawiamy,\n{agent_name}, {store_name}"
            ),
            "ja": (
                "{customer_first_name}様\n\n"
                "お問い合わせいただきありがとうございます。ご注文 {order_number} "
                "は現在配送中です。配送状況は以下のリンクからご確認いただけます。\n"
                "{tracking_link}\n\n"
                "3営業日以内に届かない場合は、このメッセージにご返信ください。"
                "配送業者に調査を依頼いたします。\n\n"
                "今後ともよろしくお願いいたします。\n{store_name} {agent_name}"
            ),
        },
    },
    {
        "slug": "return-instructions",
        "name": "Return instructions",
        "set_status": "pending",
        "set_category": "return",
        "add_tags": [],
        "variants": {
            "en": (
                "Hello {customer_first_name},\n\n"
                "of course you can return items from order {order_number}. Please pack "
                "them safely, put the delivery note in the parcel and reply to this "
                "message with the items you are sending back; we will send you a return "
                "label. Your refund follows as soon as the parcel has arrived and been "
                "checked.\n\n"
                "Best regards,\n{agent_name}, {store_name}"
            ),
            "de": (
                "Guten Tag {customer_first_name},\n\n"
                "selbstverständlich können Sie Artikel aus der Bestellung {order_number} "
                "zurücksenden. Bitte verpacken Sie sie sicher, legen Sie den Lieferschein "
                "bei und teilen Sie uns in Ihrer Antwort mit, welche Artikel Sie "
                "zurückschicken; wir senden Ihnen dann ein Rücksendeetikett. Die "
                "Erstattung erfolgt, sobald das Paket bei uns eingegangen und geprüft "
                "ist.\n\n"
                "Freundliche Grüße\n{agent_name}, {store_name}"
            ),
            "fr": (
                "Bonjour {customer_first_name},\n\n"
                "vous pouvez bien sûr retourner des articles de la commande "
                "{order_number}. Merci de bien les emballer, de joindre le bon de "
                "livraison et de nous indiquer en réponse quels articles vous renvoyez : "
                "nous vous enverrons une étiquette de retour. Le remboursement suivra dès "
                "réception et contrôle du colis.\n\n"
                "Bien cordialement,\n{agent_name}, {store_name}"
            ),
            "es": (
                "Hola, {customer_first_name}:\n\n"
                "claro que puedes devolver artículos del pedido {order_number}. Embálalos "
                "bien, incluye el albarán en el paquete y responde a este mensaje "
                "indicando qué artículos nos envías; te mandaremos una etiqueta de "
                "devolución. El reembolso se hará en cuanto recibamos y revisemos el "
                "paquete.\n\n"
                "Un saludo,\n{agent_name}, {store_name}"
            ),
            "pl": (
                "Cześć {customer_first_name},\n\n"
                "oczywiście możesz zwrócić produkty z zamówienia {order_number}. Zapakuj "
                "je starannie, dołącz dowód zakupu i w odpowiedzi na tę wiadomość napisz, "
                "które produkty odsyłasz – prześlemy Ci etykietę zwrotną. Zwrot pieniędzy "
                "zlecimy, gdy tylko paczka do nas dotrze i zostanie sprawdzona.\n\n"
                "Pozdrawiamy,\n{agent_name}, {store_name}"
            ),
            "ja": (
                "{customer_first_name}様\n\n"
                "ご注文 {order_number} の商品は返品を承っております。"
                "商品を丁寧に梱包し、納品書を同封のうえ、返品される商品を"
                "このメッセージへのご返信でお知らせください。返送用ラベルをお送りいたします。"
                "商品の到着と確認が済み次第、返金のお手続きをいたします。\n\n"
                "今後ともよろしくお願いいたします。\n{store_name} {agent_name}"
            ),
        },
    },
    {
        "slug": "damaged-item-photos",
        "name": "Damaged item: ask for photos",
        "set_status": "pending",
        "set_category": "damaged_item",
        "add_tags": ["photos-requested"],
        "variants": {
            "en": (
                "Hello {customer_first_name},\n\n"
                "we are sorry that an item from order {order_number} arrived damaged. "
                "Could you reply with two or three photos: the damaged item, the parcel "
                "from the outside and the shipping label? With those we can send a "
                "replacement or refund you straight away and claim the damage with the "
                "carrier ourselves.\n\n"
                "Best regards,\n{agent_name}, {store_name}"
            ),
            "de": (
                "Guten Tag {customer_first_name},\n\n"
                "es tut uns leid, dass ein Artikel aus Ihrer Bestellung {order_number} "
                "beschädigt angekommen ist. Könnten Sie uns in Ihrer Antwort zwei oder "
                "drei Fotos schicken: den beschädigten Artikel, das Paket von außen und "
                "das Versandetikett? Damit können wir Ihnen sofort Ersatz senden oder den "
                "Betrag erstatten und den Schaden selbst beim Versanddienstleister "
                "melden.\n\n"
                "Freundliche Grüße\n{agent_name}, {store_name}"
            ),
            "fr": (
                "Bonjour {customer_first_name},\n\n"
                "nous sommes désolés qu'un article de votre commande {order_number} soit "
                "arrivé endommagé. Pourriez-vous nous envoyer en réponse deux ou trois "
                "photos : l'article abîmé, le colis vu de l'extérieur et l'étiquette "
                "d'expédition ? Nous pourrons alors vous envoyer un article de "
                "remplacement ou vous rembourser sans attendre, et nous nous chargerons "
                "de la réclamation auprès du transporteur.\n\n"
                "Bien cordialement,\n{agent_name}, {store_name}"
            ),
            "es": (
                "Hola, {customer_first_name}:\n\n"
                "sentimos mucho que un artículo de tu pedido {order_number} haya llegado "
                "dañado. ¿Podrías responder con dos o tres fotos: el artículo dañado, el "
                "paquete por fuera y la etiqueta de envío? Con ellas te enviaremos un "
                "repuesto o te haremos el reembolso enseguida, y nosotros nos ocupamos de "
                "la reclamación con la empresa de transporte.\n\n"
                "Un saludo,\n{agent_name}, {store_name}"
            ),
            "pl": (
                "Cześć {customer_first_name},\n\n"
                "bardzo nam przykro, że produkt z zamówienia {order_number} dotarł "
                "uszkodzony. Czy możesz w odpowiedzi przesłać dwa lub trzy zdjęcia: "
                "uszkodzonego produktu, paczki z zewnątrz i etykiety przewozowej? Dzięki "
                "nim od razu wyślemy Ci nowy produkt albo zwrócimy pieniądze, a "
                "reklamację u przewoźnika złożymy sami.\n\n"
                "Pozdrawiamy,\n{agent_name}, {store_name}"
            ),
            "ja": (
                "{customer_first_name}様\n\n"
                "ご注文 {order_number} の商品が破損した状態で届いたとのこと、"
                "誠に申し訳ございません。お手数ですが、破損した商品、梱包箱の外側、"
                "配送ラベルの写真を2〜3枚、このメッセージへのご返信でお送りいただけますでしょうか。"
                "確認でき次第、代替品の発送または返金をすぐに手配し、"
                "配送業者への申請は当店にて行います。\n\n"
                "今後ともよろしくお願いいたします。\n{store_name} {agent_name}"
            ),
        },
    },
    {
        "slug": "address-change",
        "name": "Address change",
        "set_status": "pending",
        "set_category": "address_change",
        "add_tags": [],
        "variants": {
            "en": (
                "Hello {customer_first_name},\n\n"
                "we can still try to change the delivery address of order {order_number}. "
                "Please reply with the complete new address (name, street and number, "
                "postcode, town, country). If the parcel has already left our warehouse, "
                "we will ask the carrier to redirect it and let you know whether that "
                "worked.\n\n"
                "Best regards,\n{agent_name}, {store_name}"
            ),
            "de": (
                "Guten Tag {customer_first_name},\n\n"
                "wir können versuchen, die Lieferadresse der Bestellung {order_number} "
                "noch zu ändern. Bitte senden Sie uns die vollständige neue Adresse (Name, "
                "Straße und Hausnummer, Postleitzahl, Ort, Land). Hat das Paket unser "
                "Lager schon verlassen, bitten wir den Versanddienstleister um eine "
                "Umleitung und geben Ihnen Bescheid, ob sie geklappt hat.\n\n"
                "Freundliche Grüße\n{agent_name}, {store_name}"
            ),
            "fr": (
                "Bonjour {customer_first_name},\n\n"
                "nous pouvons encore essayer de modifier l'adresse de livraison de la "
                "commande {order_number}. Merci de nous répondre avec la nouvelle adresse "
                "complète (nom, numéro et rue, code postal, ville, pays). Si le colis a "
                "déjà quitté notre entrepôt, nous demanderons au transporteur de le "
                "réacheminer et nous vous dirons si cela a fonctionné.\n\n"
                "Bien cordialement,\n{agent_name}, {store_name}"
            ),
            "es": (
                "Hola, {customer_first_name}:\n\n"
                "todavía podemos intentar cambiar la dirección de entrega del pedido "
                "{order_number}. Responde con la nueva dirección completa (nombre, calle y "
                "número, código postal, localidad y país). Si el paquete ya ha salido de "
                "nuestro almacén, pediremos a la empresa de transporte que lo redirija y "
                "te contaremos si ha sido posible.\n\n"
                "Un saludo,\n{agent_name}, {store_name}"
            ),
            "pl": (
                "Cześć {customer_first_name},\n\n"
                "możemy jeszcze spróbować zmienić adres dostawy zamówienia {order_number}. "
                "Odpowiedz, proszę, podając pełny nowy adres (imię i nazwisko, ulica i "
                "numer, kod pocztowy, miejscowość, kraj). Jeśli paczka opuściła już nasz "
                "magazyn, poprosimy przewoźnika o przekierowanie i damy Ci znać, czy się "
                "udało.\n\n"
                "Pozdrawiamy,\n{agent_name}, {store_name}"
            ),
            "ja": (
                "{customer_first_name}様\n\n"
                "ご注文 {order_number} のお届け先は、まだ変更できる可能性がございます。"
                "新しいご住所（お名前、番地・建物名、郵便番号、市区町村、国）を"
                "すべてご返信ください。すでに倉庫から出荷済みの場合は、"
                "配送業者に転送を依頼し、結果をご連絡いたします。\n\n"
                "今後ともよろしくお願いいたします。\n{store_name} {agent_name}"
            ),
        },
    },
    {
        "slug": "refund-issued",
        "name": "Refund issued",
        "set_status": "solved",
        "set_category": "refund",
        "add_tags": ["refund-issued"],
        "variants": {
            "en": (
                "Hello {customer_first_name},\n\n"
                "good news: we have refunded order {order_number} today, to the payment "
                "method you used. Depending on your bank it can take three to five "
                "working days until the amount shows on your account.\n\n"
                "Best regards,\n{agent_name}, {store_name}"
            ),
            "de": (
                "Guten Tag {customer_first_name},\n\n"
                "gute Nachrichten: Wir haben die Erstattung für die Bestellung "
                "{order_number} heute auf Ihr ursprüngliches Zahlungsmittel veranlasst. "
                "Je nach Bank kann es drei bis fünf Werktage dauern, bis der Betrag auf "
                "Ihrem Konto sichtbar ist.\n\n"
                "Freundliche Grüße\n{agent_name}, {store_name}"
            ),
            "fr": (
                "Bonjour {customer_first_name},\n\n"
                "bonne nouvelle : nous avons effectué aujourd'hui le remboursement de la "
                "commande {order_number} sur le moyen de paiement utilisé. Selon votre "
                "banque, il peut falloir de trois à cinq jours ouvrés pour que le montant "
                "apparaisse sur votre compte.\n\n"
                "Bien cordialement,\n{agent_name}, {store_name}"
            ),
            "es": (
                "Hola, {customer_first_name}:\n\n"
                "¡buenas noticias! Hoy hemos reembolsado el pedido {order_number} en el "
                "mismo método de pago que usaste. Según tu banco, el importe puede tardar "
                "de tres a cinco días hábiles en aparecer en tu cuenta.\n\n"
                "Un saludo,\n{agent_name}, {store_name}"
            ),
            "pl": (
                "Cześć {customer_first_name},\n\n"
                "mamy dobrą wiadomość: dziś zleciliśmy zwrot pieniędzy za zamówienie "
                "{order_number} na metodę płatności użytą przy zakupie. W zależności "
                "od banku kwota może pojawić się na koncie w ciągu trzech do pięciu dni "
                "roboczych.\n\n"
                "Pozdrawiamy,\n{agent_name}, {store_name}"
            ),
            "ja": (
                "{customer_first_name}様\n\n"
                "ご注文 {order_number} の返金手続きを本日、ご購入時のお支払い方法にて"
                "完了いたしました。ご利用の金融機関により、ご返金額が反映されるまで"
                "3〜5営業日ほどかかる場合がございます。\n\n"
                "今後ともよろしくお願いいたします。\n{store_name} {agent_name}"
            ),
        },
    },
    {
        "slug": "invoice-copy",
        "name": "Invoice copy",
        "set_status": "solved",
        "set_category": "invoice",
        "add_tags": [],
        "variants": {
            "en": (
                "Hello {customer_first_name},\n\n"
                "please find attached a copy of the invoice for order {order_number}. If "
                "you need it made out to a company or with your VAT number, just reply "
                "with the details and we will issue a corrected invoice.\n\n"
                "Best regards,\n{agent_name}, {store_name}"
            ),
            "de": (
                "Guten Tag {customer_first_name},\n\n"
                "anbei erhalten Sie eine Kopie der Rechnung zur Bestellung {order_number}. "
                "Benötigen Sie die Rechnung auf eine Firma oder mit Ihrer "
                "USt-IdNr., antworten Sie uns einfach mit den Angaben, dann stellen wir "
                "eine korrigierte Rechnung aus.\n\n"
                "Freundliche Grüße\n{agent_name}, {store_name}"
            ),
            "fr": (
                "Bonjour {customer_first_name},\n\n"
                "vous trouverez ci-joint une copie de la facture de la commande "
                "{order_number}. Si vous avez besoin d'une facture au nom d'une société ou "
                "avec votre numéro de TVA, répondez-nous simplement avec ces informations "
                "et nous établirons une facture rectifiée.\n\n"
                "Bien cordialement,\n{agent_name}, {store_name}"
            ),
            "es": (
                "Hola, {customer_first_name}:\n\n"
                "te adjuntamos una copia de la factura del pedido {order_number}. Si la "
                "necesitas a nombre de una empresa o con tu NIF/CIF, responde con los "
                "datos y te emitiremos una factura rectificada.\n\n"
                "Un saludo,\n{agent_name}, {store_name}"
            ),
            "pl": (
                "Cześć {customer_first_name},\n\n"
                "w załączniku przesyłamy kopię faktury do zamówienia {order_number}. "
                "Jeśli potrzebujesz faktury na firmę lub z numerem NIP, odpowiedz, "
                "podając dane, a wystawimy fakturę korygującą.\n\n"
                "Pozdrawiamy,\n{agent_name}, {store_name}"
            ),
            "ja": (
                "{customer_first_name}様\n\n"
                "ご注文 {order_number} の請求書の写しを添付いたしました。"
                "法人名義や登録番号入りの請求書が必要な場合は、必要事項をご返信ください。"
                "訂正した請求書を改めて発行いたします。\n\n"
                "今後ともよろしくお願いいたします。\n{store_name} {agent_name}"
            ),
        },
    },
]
