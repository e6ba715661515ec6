"""Help-centre articles of the demo store (Nordlicht Outdoor, ships from Germany), in six
languages. Also the localized set the search tests use.

Legal facts and their sources:
- 14-day right of withdrawal for EU consumers, counted from receipt of the goods, refund
  within 14 days of the withdrawal: Directive 2011/83/EU Art. 9 and 13 (eur-lex
  CELEX:32011L0083); UK: Consumer Contracts Regulations 2013 (legislation.gov.uk).
- 2-year legal guarantee for defects in the EU: Directive (EU) 2019/771 Art. 10 (eur-lex
  CELEX:32019L0771).
- No customs duty on goods of EU origin shipped within the EU customs union (Regulation (EU)
  No 952/2013, Union Customs Code); UK, Switzerland and Norway are outside it.
Delivery times are the demo merchant's own promises, not carrier facts.
"""

from __future__ import annotations

from aftersail.commerce.models import Store
from aftersail.knowledge.actions import do_save_version
from aftersail.knowledge.models import Article, ArticleCategory

CATEGORIES: dict[str, dict[str, str]] = {
    "shipping": {"en": "Shipping and delivery", "de": "Versand und Lieferung",
                 "fr": "Expédition et livraison", "es": "Envíos y entregas",
                 "pl": "Wysyłka i dostawa", "ja": "配送とお届け"},
    "returns": {"en": "Returns and warranty", "de": "Rücksendungen und Gewährleistung",
                "fr": "Retours et garantie", "es": "Devoluciones y garantía",
                "pl": "Zwroty i reklamacje", "ja": "返品と保証"},
    "orders": {"en": "Orders", "de": "Bestellungen", "fr": "Commandes", "es": "Pedidos",
               "pl": "Zamówienia", "ja": "ご注文"},
}  # fmt: skip

# slug -> (category, {language: (title, body)})
ARTICLES: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "shipping-times": ("shipping", {
        "en": ("How long does delivery take?",
               "We ship from our warehouse in Germany within one working day. Delivery within "
               "Germany takes 1-2 working days, to other EU countries 2-5 working days, to the "
               "UK, Switzerland and Norway 3-7 working days and overseas 5-12 working days.\n\n"
               "As soon as your parcel leaves the warehouse you receive an email with the "
               "tracking number."),
        "de": ("Wie lange dauert die Lieferung?",
               "Wir versenden innerhalb eines Werktags aus unserem Lager in Deutschland. Die "
               "Lieferung innerhalb Deutschlands dauert 1-2 Werktage, in andere EU-Länder 2-5 "
               "Werktage, nach Großbritannien, in die Schweiz und nach Norwegen 3-7 Werktage "
               "und nach Übersee 5-12 Werktage.\n\nSobald Ihr Paket das Lager verlässt, "
               "erhalten Sie eine E-Mail mit der Sendungsnummer."),
        "fr": ("Quel est le délai de livraison ?",
               "Nous expédions depuis notre entrepôt en Allemagne sous un jour ouvré. La "
               "livraison prend 1 à 2 jours ouvrés en Allemagne, 2 à 5 jours ouvrés vers les "
               "autres pays de l'UE, 3 à 7 jours ouvrés vers le Royaume-Uni, la Suisse et la "
               "Norvège, et 5 à 12 jours ouvrés hors d'Europe.\n\nDès que votre colis quitte "
               "l'entrepôt, vous recevez un e-mail avec le numéro de suivi."),
        "es": ("¿Cuánto tarda la entrega?",
               "Enviamos desde nuestro almacén en Alemania en un día laborable. La entrega "
               "tarda 1-2 días laborables en Alemania, 2-5 días laborables al resto de la UE, "
               "3-7 días laborables a Reino Unido, Suiza y Noruega y 5-12 días laborables "
               "fuera de Europa.\n\nEn cuanto tu paquete sale del almacén, te enviamos un "
               "correo con el número de seguimiento."),
        "pl": ("Jak długo trwa dostawa?",
               "Wysyłamy z naszego magazynu w Niemczech w ciągu jednego dnia roboczego. "
               "Dostawa na terenie Niemiec trwa 1-2 dni robocze, do innych krajów UE 2-5 dni "
               "roboczych, do Wielkiej Brytanii, Szwajcarii i Norwegii 3-7 dni roboczych, a "
               "poza Europę 5-12 dni roboczych.\n\nGdy tylko paczka opuści magazyn, "
               "otrzymasz e-mail z numerem przesyłki."),
        "ja": ("配送にはどのくらいかかりますか？",
               "ご注文の商品はドイツの倉庫から1営業日以内に発送いたします。ドイツ国内へのお届けは"
               "1～2営業日、その他のEU諸国へは2～5営業日、イギリス・スイス・ノルウェーへは3～7営業日、"
               "その他の地域へは5～12営業日かかります。\n\n荷物が倉庫を出荷されると、追跡番号を"
               "記載したメールをお送りします。"),
    }),
    "returns": ("returns", {
        "en": ("How do I return an item?",
               "Customers in the EU and the UK may withdraw from their purchase within 14 days "
               "of receiving the goods, without giving a reason. Start the return in the "
               "portal with your order number and email address, print the return form and "
               "send the item back.\n\nWe refund the purchase price within 14 days of your "
               "withdrawal, once the item is back with us or you have shown that you sent it."),
        "de": ("Wie kann ich einen Artikel zurücksenden?",
               "Kundinnen und Kunden in der EU und in Großbritannien können innerhalb von 14 "
               "Tagen nach Erhalt der Ware ohne Angabe von Gründen widerrufen. Starten Sie die "
               "Rücksendung im Portal mit Bestellnummer und E-Mail-Adresse, drucken Sie das "
               "Rücksendeformular aus und schicken Sie den Artikel zurück.\n\nDen Kaufpreis "
               "erstatten wir innerhalb von 14 Tagen nach Ihrem Widerruf, sobald die Ware bei "
               "uns ist oder Sie den Versand nachgewiesen haben."),
        "fr": ("Comment retourner un article ?",
               "Dans l'UE et au Royaume-Uni, vous pouvez vous rétracter dans les 14 jours "
               "suivant la réception de la marchandise, sans avoir à vous justifier. Lancez le "
               "retour dans le portail avec votre numéro de commande et votre adresse e-mail, "
               "imprimez le formulaire de retour et renvoyez l'article.\n\nNous vous "
               "remboursons dans les 14 jours suivant votre rétractation, dès que l'article "
               "nous est parvenu ou que vous avez prouvé son expédition."),
        "es": ("¿Cómo devuelvo un artículo?",
               "Si vives en la UE o en el Reino Unido, puedes desistir de tu compra en un plazo "
               "de 14 días desde que recibes el pedido, sin tener que dar explicaciones. Inicia "
               "la devolución en el portal con tu número de pedido y tu correo, imprime el "
               "formulario de devolución y envíanos el artículo.\n\nTe reembolsamos el importe "
               "en un plazo de 14 días desde tu desistimiento, en cuanto recibamos el artículo "
               "o nos demuestres que lo has enviado."),
        "pl": ("Jak zwrócić towar?",
               "Klienci z UE i Wielkiej Brytanii mogą odstąpić od umowy w ciągu 14 dni od "
               "otrzymania towaru bez podawania przyczyny. Rozpocznij zwrot w portalu, podając "
               "numer zamówienia i adres e-mail, wydrukuj formularz zwrotu i odeślij "
               "towar.\n\nZwrócimy Ci pieniądze w ciągu 14 dni od odstąpienia od umowy, gdy "
               "tylko towar do nas wróci lub pokażesz dowód nadania."),
        "ja": ("商品を返品するには？",
               "EUおよびイギリスにお住まいのお客様は、商品到着後14日以内であれば理由を問わず"
               "契約を撤回できます。ポータルで注文番号とメールアドレスを入力して返品手続きを開始し、"
               "返品フォームを印刷して商品をご返送ください。\n\n撤回のご連絡から14日以内に、"
               "商品が当店に届くか発送の証明をいただいた時点で代金を返金いたします。"),
    }),
    "customs-duties": ("shipping", {
        "en": ("Will I pay customs duties or import VAT?",
               "Within the EU there are no customs duties: our goods come from Germany. For "
               "deliveries to the UK, Switzerland, Norway and countries outside Europe, import "
               "VAT and customs duties may be charged by the destination country; the carrier "
               "collects them on delivery."),
        "de": ("Fallen Zölle oder Einfuhrumsatzsteuer an?",
               "Innerhalb der EU fallen keine Zölle an, denn unsere Ware kommt aus "
               "Deutschland. Bei Lieferungen nach Großbritannien, in die Schweiz, nach Norwegen "
               "und außerhalb Europas kann das Zielland Einfuhrumsatzsteuer und Zoll erheben; "
               "der Paketdienst kassiert sie bei der Zustellung."),
        "fr": ("Vais-je payer des droits de douane ou la TVA à l'importation ?",
               "Au sein de l'UE, aucun droit de douane n'est dû : nos produits partent "
               "d'Allemagne. Pour les livraisons vers le Royaume-Uni, la Suisse, la Norvège et "
               "hors d'Europe, le pays de destination peut percevoir la TVA à l'importation et "
               "des droits de douane ; le transporteur les encaisse à la livraison."),
        "es": ("¿Tendré que pagar aduanas o IVA de importación?",
               "Dentro de la UE no hay aranceles: nuestros productos salen de Alemania. En los "
               "envíos a Reino Unido, Suiza, Noruega y fuera de Europa, el país de destino "
               "puede cobrar IVA de importación y aranceles; los cobra el transportista en la "
               "entrega."),
        "pl": ("Czy zapłacę cło lub VAT importowy?",
               "Na terenie UE nie ma cła, ponieważ nasze towary wysyłamy z Niemiec. Przy "
               "dostawach do Wielkiej Brytanii, Szwajcarii, Norwegii i poza Europę kraj "
               "docelowy może naliczyć VAT importowy i cło; pobiera je przewoźnik przy "
               "doręczeniu."),
        "ja": ("関税や輸入消費税はかかりますか？",
               "商品はドイツから発送されるため、EU域内では関税はかかりません。イギリス、スイス、"
               "ノルウェー、およびヨーロッパ以外の国へのお届けでは、お届け先の国で輸入消費税や関税が"
               "課される場合があり、配達時に配送業者が徴収します。"),
    }),
    "warranty": ("returns", {
        "en": ("What warranty do I get?",
               "Every product comes with the two-year legal guarantee of the EU: if an item is "
               "defective, we repair or replace it free of charge. Send us a photo of the "
               "defect and your order number and we will tell you how to proceed."),
        "de": ("Welche Gewährleistung habe ich?",
               "Für alle Produkte gilt die zweijährige gesetzliche Gewährleistung der EU: Ist "
               "ein Artikel defekt, reparieren oder ersetzen wir ihn kostenlos. Schicken Sie "
               "uns ein Foto des Mangels und Ihre Bestellnummer, dann sagen wir Ihnen, wie es "
               "weitergeht."),
        "fr": ("De quelle garantie est-ce que je bénéficie ?",
               "Tous nos produits bénéficient de la garantie légale de conformité de deux ans "
               "de l'UE : si un article est défectueux, nous le réparons ou le remplaçons "
               "gratuitement. Envoyez-nous une photo du défaut et votre numéro de commande, "
               "nous vous indiquerons la marche à suivre."),
        "es": ("¿Qué garantía tengo?",
               "Todos los productos tienen la garantía legal de dos años de la UE: si un "
               "artículo está defectuoso, lo reparamos o lo cambiamos sin coste. Envíanos una "
               "foto del defecto y tu número de pedido y te diremos cómo seguir."),
        "pl": ("Jaka gwarancja mi przysługuje?",
               "Na wszystkie produkty obowiązuje dwuletnia ustawowa rękojmia w UE: jeśli towar "
               "jest wadliwy, bezpłatnie go naprawimy lub wymienimy. Wyślij nam zdjęcie wady i "
               "numer zamówienia, a powiemy Ci, co dalej."),
        "ja": ("保証はありますか？",
               "すべての商品にEUの法定保証（2年間）が適用されます。商品に不具合があった場合は、"
               "無償で修理または交換いたします。不具合の写真とご注文番号をお送りいただければ、"
               "今後の手順をご案内します。"),
    }),
    "order-changes": ("orders", {
        "en": ("Can I change or cancel my order?",
               "You can change the delivery address or cancel your order as long as it has not "
               "been shipped. Write to us with your order number as soon as possible; once the "
               "parcel has left the warehouse, please return it instead."),
        "de": ("Kann ich meine Bestellung ändern oder stornieren?",
               "Solange Ihre Bestellung noch nicht versandt wurde, können Sie die Lieferadresse "
               "ändern oder die Bestellung stornieren. Schreiben Sie uns möglichst schnell mit "
               "Ihrer Bestellnummer; hat das Paket das Lager schon verlassen, senden Sie es "
               "bitte zurück."),
        "fr": ("Puis-je modifier ou annuler ma commande ?",
               "Tant que votre commande n'a pas été expédiée, vous pouvez modifier l'adresse de "
               "livraison ou l'annuler. Écrivez-nous au plus vite avec votre numéro de "
               "commande ; si le colis a déjà quitté l'entrepôt, renvoyez-le simplement."),
        "es": ("¿Puedo modificar o cancelar mi pedido?",
               "Mientras tu pedido no se haya enviado, puedes cambiar la dirección de entrega o "
               "cancelarlo. Escríbenos cuanto antes con tu número de pedido; si el paquete ya "
               "ha salido del almacén, devuélvelo sin más."),
        "pl": ("Czy mogę zmienić lub anulować zamówienie?",
               "Dopóki zamówienie nie zostało wysłane, możesz zmienić adres dostawy lub je "
               "anulować. Napisz do nas jak najszybciej, podając numer zamówienia; jeśli "
               "paczka opuściła już magazyn, po prostu ją odeślij."),
        "ja": ("注文の変更やキャンセルはできますか？",
               "発送前であれば、お届け先住所の変更やご注文のキャンセルが可能です。ご注文番号を添えて"
               "お早めにご連絡ください。すでに倉庫から出荷済みの場合は、返品にてご対応ください。"),
    }),
}  # fmt: skip


def load_demo_articles(store: Store) -> int:
    """Creates the demo categories and published articles for ``store``; returns the count
    of article versions. Does nothing for articles that exist already."""
    categories = {}
    for position, (slug, titles) in enumerate(CATEGORIES.items()):
        categories[slug], _ = ArticleCategory.objects.get_or_create(
            store=store, slug=slug, defaults={"titles": titles, "position": position}
        )
    count = 0
    for position, (slug, (category, versions)) in enumerate(ARTICLES.items()):
        article, created = Article.objects.get_or_create(
            store=store,
            slug=slug,
            defaults={"category": categories[category], "position": position,
                      "fallback_language": store.default_language or "en"},
        )  # fmt: skip
        if not created:
            continue
        for language, (title, body) in versions.items():
            do_save_version(article, language, title=title, body=body, publish=True)
            count += 1
    return count
