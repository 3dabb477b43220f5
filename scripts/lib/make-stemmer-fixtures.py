#!/usr/bin/env python3
"""Writes Tests/DochouseKitTests/Fixtures/stemmer/{russian,english}.tsv: word<TAB>libstemmer's stem.

The words are every word of the bundled docs (pages and schemas) plus systematic inflections that reach every
suffix rule of the Snowball Russian and English algorithms. The stems come from libstemmer itself (`stemwords`
from Debian's libstemmer-tools), so the Swift and JS ports are checked against the reference implementation.
Run it again only when the word list should grow: `scripts/lib/make-stemmer-fixtures.py`.
"""
import pathlib, re, subprocess, sys

root = pathlib.Path(__file__).resolve().parents[2]
out = root / "Tests/DochouseKitTests/Fixtures/stemmer"
out.mkdir(parents=True, exist_ok=True)

text = ""
for path in list((root / "content").rglob("*.md")) + list((root / "content").rglob("*.yaml")):
    text += path.read_text(encoding="utf-8").lower() + "\n"

russian = set(re.findall(r"[а-яё]+", text))
english = set(re.findall(r"[a-z]+", text))

ru_stems = ["репозитор", "пользовател", "настро", "кластер", "политик", "сервис", "работ", "действ", "групп",
            "узл", "добав", "получ", "испол", "определ", "указ", "хран", "красн", "нов", "велик", "чита", "дела",
            "стро", "жив", "писа", "вид", "любим", "слабост", "радост", "мудр", "бел", "длинн", "ёлк", "зелён"]
ru_endings = ["", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые",
              "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ую", "юю", "ою", "ею", "ом", "ем", "ам", "ям",
              "ами", "ями", "ах", "ях", "ов", "ев", "ей", "ия", "ию", "ией", "иями", "иях", "ием", "ости", "ость",
              "остью", "ать", "ять", "ить", "ыть", "ала", "яла", "ала", "ил", "ила", "или", "ило", "ыл", "ыла",
              "ен", "ена", "ено", "ены", "ет", "ют", "ит", "ят", "ует", "уют", "ешь", "ишь", "ите", "ейте", "уйте",
              "ав", "авши", "авшись", "ив", "ивши", "ившись", "ыв", "ывши", "ывшись", "ался", "алась", "ающий",
              "ающая", "ующий", "ующего", "ивший", "ывший", "авший", "емый", "енный", "енная", "анный", "нный",
              "ейший", "ейшая", "ейше", "нн", "ннее", "ться", "тся", "лся", "лись", "ься", "ость", "ост", "щий",
              "вшийся", "ющийся", "ённый", "ённого"]
for stem in ru_stems:
    for ending in ru_endings:
        russian.add(stem + ending)

en_stems = ["connect", "generat", "commun", "arsen", "happ", "run", "hop", "fil", "agre", "plaster", "cry", "tie",
            "sky", "say", "play", "boy", "relat", "rational", "valen", "hesitan", "digit", "conform", "radical",
            "differen", "analog", "vietnam", "callous", "formal", "sensitiv", "sensibil", "fruit", "hope", "care",
            "electric", "adjust", "replace", "depend", "adopt", "homolog", "communis", "effect", "bright", "dog",
            "repositor", "polic", "requir", "configur", "resourc", "authoriz", "instanc", "access", "permission",
            "mess", "gas", "bus", "cat", "lov", "proceed", "succeed", "inning", "herr", "earr", "can", "out",
            "ski", "news", "atlas", "bias", "ugl", "earl", "onl", "singl", "gentl", "idl", "dy", "ly", "ty",
            "fizz", "hiss", "trap", "rob", "shop", "plan", "star", "hum", "bid", "beg", "dwell"]
en_endings = ["", "s", "es", "ed", "ing", "ingly", "edly", "eed", "eedly", "er", "ers", "ly", "ness", "ful", "fully",
              "fulness", "less", "lessly", "ment", "ments", "ement", "ation", "ational", "ations", "ational", "ator",
              "ize", "izer", "ization", "ise", "al", "ally", "alism", "ality", "ance", "ence", "ency", "ancy", "able",
              "ably", "ible", "ant", "ent", "ently", "ism", "ate", "ity", "ities", "ous", "ously", "ousness", "ive",
              "ively", "iveness", "ivity", "ic", "ical", "icate", "icity", "ional", "ion", "ions", "y", "ies", "ied",
              "ying", "'s", "s'", "'", "ss", "sses", "us", "bility", "bly", "ogy", "ogies", "li", "e", "le", "ll",
              "at", "bl", "iz", "ated", "ating", "bled", "ized"]
for stem in en_stems:
    for ending in en_endings:
        english.add(stem + ending)
english.update(["'tis", "y", "ya", "yay", "aye", "sayyid", "skis", "skies", "dying", "lying", "tying", "idly",
                "gently", "ugly", "early", "only", "singly", "sky", "news", "howe", "atlas", "cosmos", "bias",
                "andes", "generously", "generate", "general", "communism", "arsenal", "a", "is", "be", "ox",
                "ax", "sow", "saw", "bed", "bled", "feed", "hoping", "hopping", "ec2", "s3", "iam", "ecr"])

def stems(language, words):
    words = sorted(words)
    result = subprocess.run(["stemwords", "-l", language], input="\n".join(words) + "\n",
                            capture_output=True, text=True, check=True)
    output = result.stdout.split("\n")[: len(words)]
    assert len(output) == len(words), (language, len(output), len(words))
    return list(zip(words, output))

for language, words in (("russian", russian), ("english", english)):
    pairs = stems(language, words)
    (out / f"{language}.tsv").write_text("".join(f"{w}\t{s}\n" for w, s in pairs), encoding="utf-8")
    print(f"{language}: {len(pairs)} words", file=sys.stderr)
