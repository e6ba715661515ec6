"""Marker words of languages that share almost all of their spelling.

Each list holds everyday words that are standard in that language and absent, spelt
differently or rare in the everyday use of the other members of its group; a word may
mark two members of a three-language group against the third (Danish and Swedish *mig*
against Bokmål *meg*). Words that every member uses alike are left out.

Sources (standard spellings and comparison tables, not copied lists):
- Indonesian/Malay: Kamus Besar Bahasa Indonesia; Kamus Dewan; Wikipedia "Malaysian and
  Indonesian differences".
- Danish/Bokmål/Swedish: Den Danske Ordbog; Bokmålsordboka; Svenska Akademiens ordlista;
  Wikipedia "Danish and Norwegian", "Comparison of Danish, Norwegian and Swedish".
- Czech/Slovak: Internetová jazyková příručka (ÚJČ AV ČR); Krátky slovník slovenského
  jazyka; Wikipedia "Comparison of Czech and Slovak".
- Russian/Ukrainian/Bulgarian: the academic dictionaries of each language (Большой
  толковый словарь; Словник української мови; Български тълковен речник) and Wikipedia
  "Comparison of Russian and Ukrainian", "Differences between Bulgarian and Russian".
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MARKERS: dict[str, frozenset[str]] = {
    # Indonesian against Malay.
    "id": _words(
        "uang mobil kantor bisa mau karena silakan berhasil kemarin besok kapan paham "
        "pikir berbicara harus sepeda toko kamar gratis menikah enggak nggak gak aja "
        "banget dong sih kok kalian dingin bapak kantong bilang libur sebentar tampak "
        "telepon dokter musik film bus stasiun universitas kualitas televisi populer "
        "pensil nih tuh tau coba mencoba dicoba ketemu sepatu pria polisi bioskop "
        "handuk jendela mengerti terjadi enak haus pintar pacar capek lelah obat "
        "kulkas kartu nomor kursi lemari sekretaris perusahaan pemerintah kota menit "
        "detik celana truk senin kamis jumat olahraga ngomong gimana udah cuma kayak "
        "bahwa sore kecelakaan istri sulit prancis taksi amplop berangkat kue apel "
        "delapan sehat kesehatan pohon mulai seharusnya cangkir lucu jepang"
    ),
    "ms": _words(
        "wang pejabat mahu kerana sila berjaya esok bila faham fikir bercakap mesti "
        "basikal kedai bilik percuma kahwin nak dah je awak sejuk bapa sahaja baharu "
        "polis teksi hospital universiti tandas kanak gembira ialah daripada macam puan "
        "encik cuti tengok sekejap amat stesen televisyen kualiti telefon doktor filem "
        "muzik bas popular pensel bahawa berlaku perkara "
        "seronok sedap dahaga tingkap tuala kasut cakap cuba mencuba adakah "
        "apabila seluar lori ais ubat pawagam cikgu kad nombor emel sukan kerusi almari "
        "setiausaha pasukan syarikat kerajaan bandar minit letih penat isnin khamis "
        "jumaat ahad isteri perancis kek epal jepun lapan moden kesihatan sihat pokok "
        "luruh mula nampak sepatutnya kelakar cawan secawan perjumpaan kemalangan"
    ),
    # Danish, Norwegian Bokmål and Swedish.
    "da": _words(
        "mig dig sig hvad af efter noget nogen nogle meget nu blev havde mere tak købe "
        "købte hende os jer syg gøre gik fik bog måske igen end blive kender siger "
        "spørgsmål hjælp hjælpe sådan aldrig altid ud op hvornår lidt mand kvinde vand "
        "børn arbejde arbejder rigtig vej sne penge nogensinde sker øjeblik øje øjne "
        "hoved bruge tage tager giver vide sjov pige dreng kat smuk sød mad læse tænke "
        "tænker ven ved nej hej blev hjem hjemme bliv sikke sikken stadig jeg ikke og hun til "
        "fra også være"
    ),
    "nb": _words(
        "meg deg seg hva av etter noe noen mye nå ble hadde mer takk kjøpe kjøpte henne "
        "oss dere syk gjøre gikk fikk bok kanskje igjen enn bli kjenner sier spørsmål "
        "hjelp hjelpe veldig sånn slik lite aldri alltid ut opp litt mann kvinne "
        "vann arbeid arbeider riktig vei snø penger noensinne skjer øyeblikk øye øyne "
        "hode bruke ta tar gir vite gøy jente gutt katt vakker søt mat lese tenke "
        "tenker venn vet nei hei hjem hjemme bra jeg ikke og hun til fra også være"
    ),
    "sv": _words(
        "och inte jag ett vad hur mycket någon något några bara också hon honom vara "
        "varit tycker gillar sedan många kanske kunde ska skall fick gick vill till från "
        "vet mer bra mig dig sig nej hej dom ni vem vilken vilket bli blev tack "
        "måste kvinna flicka pojke katt mat vatten pengar arbete jobba kul roligt lite "
        "liten ganska redan alltid aldrig inga någonting hem hemma idag imorgon igår "
        "sova dricka tala prata fråga svara efter igen av oss henne ut ta tar nu "
        "riktig bok upp"
    ),
    # Czech against Slovak.
    "cs": _words(
        "jsem jsi jsou jsme jste se já jak co nebo který která které kterou proč když "
        "teď tady také taky jen jenom jestli protože něco nic nikdo někdo zítra chci "
        "není nejsem bych můžu mohu pracovala pracoval děkuji ano tohle tenhle "
        "tahle moc hodně táta kafe knihovna kostel zajímavý vím čeká dej kočka sedm "
        "cukr týden snad všichni"
    ),
    "sk": _words(
        "som sme ste sú sa ja ako čo alebo ktorý ktorá ktoré ktorú prečo keď teraz "
        "tiež iba len ešte nie niečo nič nikto niekto niekedy zajtra chcem môžem mňa ma "
        "ťa teba viem vieš vie viete miesto dievča chlieb aj ďakujem áno tento "
        "táto veľmi zvyčajne mačka dom sedem dve vec cukor kostol knižnica týždeň snáď "
        "všetci daj"
    ),
    # Russian, Ukrainian and Bulgarian.
    "ru": _words(
        "что это этот эта эти мне меня тебя он она они оно был была было были будет "
        "очень здесь сейчас тоже почему когда где какой какая какое надо нужно нужна "
        "спасибо пожалуйста сегодня завтра ещё еще всё только сказал сказала хотите "
        "хочет взял кто немного ладно ещё"
    ),
    "uk": _words(
        "це цей ця цю ці цього що його її він вона воно вони але дуже як де коли чому "
        "зараз треба можна дякую ласка мене мені такий таке був була було були "
        "буде хто завжди гарна гарний щоб бути має мати ще трохи"
    ),
    "bg": _words(
        "това тази този тези какво защо къде кога сега тук ще съм си сме сте са е беше "
        "бяха той тя го му ние вие искам искаш иска трябва нещо нищо вече моля "
        "благодаря няма има пак обича винаги днес утре мене кой коя кое що така "
        "пет седем осем девет десет доста малко"
    ),
}

GROUPS: tuple[tuple[str, ...], ...] = (
    ("id", "ms"),
    ("da", "nb", "sv"),
    ("cs", "sk"),
    ("ru", "uk", "bg"),
)


def _drop_words_every_member_uses() -> None:
    # A word in the list of every member of a group says nothing about the group.
    for group in GROUPS:
        common = frozenset.intersection(*(MARKERS[language] for language in group))
        for language in group:
            MARKERS[language] = MARKERS[language] - common


_drop_words_every_member_uses()
