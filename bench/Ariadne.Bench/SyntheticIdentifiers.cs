using System.Globalization;
using System.Text;
using Ariadne.Matching.Identifiers;
using Ariadne.Matching.Index;

namespace Ariadne.Bench;

/// <summary>
/// One synthetic identifier: as an officer would type it (<see cref="Raw"/>, with the reporting unit's country), and
/// the key the real normaliser should make of it (<see cref="Key"/>).
/// </summary>
internal sealed record SyntheticIdentifier(IdentifierKind Kind, string Raw, string Region, string Key, DocumentType Document = DocumentType.Passport,
    MessagingPlatform Platform = MessagingPlatform.Telegram)
{
    public IdentifierValue Value => new(Kind, Key);

    /// <summary>The real normaliser applied to <see cref="Raw"/>.</summary>
    public NormalisationResult Normalise() => Kind switch
    {
        IdentifierKind.Phone => PhoneNumberNormaliser.Normalise(Raw, Region),
        IdentifierKind.Email => EmailNormaliser.Normalise(Raw),
        IdentifierKind.Iban => IbanNormaliser.Normalise(Raw),
        IdentifierKind.VehiclePlate => VehiclePlateNormaliser.Normalise(Raw, Key[..2]),
        IdentifierKind.TravelDocument => TravelDocumentNormaliser.Normalise(Document, Key.Split(':')[1], Raw),
        IdentifierKind.Url => UrlNormaliser.Normalise(Raw),
        IdentifierKind.MessagingHandle => MessagingHandleNormaliser.Normalise(Platform, Raw, Region),
        IdentifierKind.Address => AddressNormaliser.Normalise(Raw),
        IdentifierKind.MoneyTransferReference => MoneyTransferReferenceNormaliser.Normalise(Raw),
        IdentifierKind.PaymentCard => PaymentCardNormaliser.Normalise(Raw),
    };
}

/// <summary>
/// Identifiers in the formats of the countries on the routes (RO, BG, UA, GB, NG, VN), drawn from spaces large enough
/// that most values are unique, as in real reports. Each value can be written several ways, as different units would.
/// </summary>
internal sealed class SyntheticIdentifiers(Random random)
{
    // (region, country code, mobile prefix after the trunk 0, further digits): mobile ranges libphonenumber calls valid.
    private static readonly (string Region, string Cc, string Start, int Digits)[] s_phonePlans =
    [
        ("RO", "40", "72", 7), ("BG", "359", "88", 7), ("GB", "44", "79", 8),
        ("NG", "234", "803", 7), ("VN", "84", "91", 7), ("UA", "380", "50", 7),
    ];

    public static readonly string[] Regions = ["RO", "BG", "GB", "NG", "VN", "UA"];

    // Letters that look the same in Latin and Cyrillic: the only ones BG and UA plates use.
    private const string PlateLetters = "ABEKMHOPCTYX";
    private const string CyrillicLookAlikes = "АВЕКМНОРСТУХ";
    private static readonly string[] s_domains = ["gmail.com", "abv.bg", "yahoo.ro", "ukr.net", "mail.ru", "outlook.com"];
    private static readonly string[] s_names = ["ana", "ivan", "maria", "petar", "olena", "nguyen", "chinedu", "elena", "dmytro", "georgi"];
    private static readonly string[] s_families = ["popescu", "petrov", "ionescu", "dimitrova", "shevchenko", "tran", "okafor", "marin", "ivanova", "kovalenko"];

    private string Digits(int count)
    {
        Span<char> digits = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }
        return new string(digits);
    }

    private string Letters(string alphabet, int count)
    {
        Span<char> letters = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            letters[i] = alphabet[random.Next(alphabet.Length)];
        }
        return new string(letters);
    }

    /// <summary>A new value of a kind picked with the mix of a real report (phones most often).</summary>
    public SyntheticIdentifier Any(string unitRegion)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 40 => Phone(unitRegion),
            < 55 => Email(),
            < 67 => Plate(unitRegion),
            < 79 => Passport(unitRegion),
            < 89 => Iban(unitRegion),
            < 96 => Handle(unitRegion),
            _ => Url(),
        };
    }

    public SyntheticIdentifier Phone(string unitRegion)
    {
        var plan = s_phonePlans[random.Next(s_phonePlans.Length)];
        var national = plan.Start + Digits(plan.Digits);
        return new(IdentifierKind.Phone, "", unitRegion, "+" + plan.Cc + national) { Raw = PhoneAsWritten(plan.Region, plan.Cc, national, unitRegion) };
    }

    /// <summary>
    /// A phone in a range libphonenumber knows as allocated. Random digits sometimes fall in unallocated ranges
    /// (07911 6…), which the normaliser rightly keeps as digits only, so "0791…" and "+44 791…" would not meet: fine for
    /// background noise, wrong for a planted link that must be found.
    /// </summary>
    public SyntheticIdentifier ValidPhone(string unitRegion)
    {
        while (true)
        {
            var phone = Phone(unitRegion);
            if (PhoneNumberNormaliser.Normalise(phone.Key, null) is NormalisedIdentifier { Note: null })
            {
                return phone;
            }
        }
    }

    /// <summary>The same phone as another unit would write it: nationally if it is in the unit's country.</summary>
    public SyntheticIdentifier RewritePhone(SyntheticIdentifier phone, string unitRegion)
    {
        var plan = s_phonePlans.First(p => phone.Key.StartsWith("+" + p.Cc, StringComparison.Ordinal));
        var national = phone.Key[(plan.Cc.Length + 1)..];
        return phone with { Region = unitRegion, Raw = PhoneAsWritten(plan.Region, plan.Cc, national, unitRegion) };
    }

    private string PhoneAsWritten(string numberRegion, string cc, string national, string unitRegion)
    {
        var style = random.Next(4);
        if (numberRegion == unitRegion && style < 2)
        {
            return style == 0 ? "0" + national : "0" + national[..3] + " " + national[3..6] + " " + national[6..];
        }
        return style switch
        {
            0 => "+" + cc + " " + national,
            // Nigeria dials abroad with 009, not 00: a Nigerian unit writes "+".
            1 => (unitRegion == "NG" ? "+" : "00") + cc + "-" + national,
            2 => "+" + cc + national,
            _ => "(+" + cc + ") " + national[..3] + "-" + national[3..],
        };
    }

    public SyntheticIdentifier Email()
    {
        var local = s_names[random.Next(s_names.Length)] + "." + s_families[random.Next(s_families.Length)] + Digits(random.Next(2, 6));
        var domain = s_domains[random.Next(s_domains.Length)];
        var key = local + "@" + domain;
        return new(IdentifierKind.Email, random.Next(3) == 0 ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(key) : key, "", key);
    }

    public SyntheticIdentifier Plate(string unitRegion)
    {
        return (random.Next(3)) switch
        {
            0 => RoPlate(),
            1 => CyrillicPlate("BG", Letters(PlateLetters, 2) + Digits(4) + Letters(PlateLetters, 2)),
            _ => CyrillicPlate("UA", Letters(PlateLetters, 2) + Digits(4) + Letters(PlateLetters, 2)),
        };

        SyntheticIdentifier RoPlate()
        {
            var county = Letters("ABCDGHMSTV", 1) + (random.Next(2) == 0 ? "" : Letters("BHJRSTV", 1));
            var plate = county + Digits(county.Length == 1 ? 3 : 2) + Letters("ABCDEFGHJKLMNPRSTUVWXYZ", 3);
            return new(IdentifierKind.VehiclePlate, plate, unitRegion, "RO:" + plate);
        }
    }

    private SyntheticIdentifier CyrillicPlate(string country, string plate) =>
        new(IdentifierKind.VehiclePlate, plate, country, country + ":" + plate);

    /// <summary>A plate as another unit writes it: spaced, lower-case, or on a Cyrillic keyboard.</summary>
    public SyntheticIdentifier RewritePlate(SyntheticIdentifier plate, string unitRegion)
    {
        var value = plate.Key[3..];
        var raw = random.Next(3) switch
        {
            0 => value[..2] + " " + value[2..^2] + " " + value[^2..],
            1 when !plate.Key.StartsWith("RO", StringComparison.Ordinal) =>
                new string(value.Select(c => PlateLetters.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? CyrillicLookAlikes[i] : c).ToArray()),
            _ => value[..2] + "-" + value[2..],
        };
        return plate with { Raw = raw, Region = unitRegion };
    }

    public SyntheticIdentifier Passport(string unitRegion)
    {
        var country = Regions[random.Next(Regions.Length)];
        var number = Letters("ABCDEFGHKMNPRSTX", 2) + Digits(7);
        return new(IdentifierKind.TravelDocument, number, unitRegion, "PASSPORT:" + country + ":" + number);
    }

    public SyntheticIdentifier RewritePassport(SyntheticIdentifier passport, string unitRegion)
    {
        var number = passport.Key.Split(':')[2];
        var raw = random.Next(3) switch
        {
            0 => number[..2] + " " + number[2..],
            1 => number.ToLowerInvariant(),
            _ => number[..2] + "-" + number[2..5] + "-" + number[5..],
        };
        return passport with { Raw = raw, Region = unitRegion };
    }

    public SyntheticIdentifier Iban(string unitRegion)
    {
        // RO: bank code (4 letters) + 16 alphanumerics; check digits by ISO 7064 mod 97-10, as IbanNormaliser checks.
        var bban = Letters("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4) + Digits(16);
        var key = "RO" + CheckDigits("RO", bban) + bban;
        return new(IdentifierKind.Iban, Grouped(key), unitRegion, key);
    }

    public SyntheticIdentifier RewriteIban(SyntheticIdentifier iban, string unitRegion) =>
        iban with { Region = unitRegion, Raw = random.Next(3) switch { 0 => "IBAN " + Grouped(iban.Key), 1 => iban.Key.ToLowerInvariant(), _ => Grouped(iban.Key) } };

    private static string Grouped(string iban) =>
        string.Join(' ', Enumerable.Range(0, (iban.Length + 3) / 4).Select(i => iban.Substring(i * 4, Math.Min(4, iban.Length - i * 4))));

    private static string CheckDigits(string country, string bban)
    {
        var remainder = 0;
        foreach (var c in bban + country + "00")
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return (98 - remainder).ToString("00", CultureInfo.InvariantCulture);
    }

    public SyntheticIdentifier Handle(string unitRegion)
    {
        var handle = s_names[random.Next(s_names.Length)] + "_" + s_families[random.Next(s_families.Length)] + Digits(random.Next(2, 5));
        return new(IdentifierKind.MessagingHandle, "@" + handle, unitRegion, "telegram:" + handle);
    }

    public SyntheticIdentifier Url()
    {
        var id = Digits(8);
        var site = random.Next(2) == 0 ? "anunturi-joburi.ro" : "rabota-za-granitsei.bg";
        return new(IdentifierKind.Url, "https://www." + site + "/anunt/" + id, "", site + "/anunt/" + id);
    }

    /// <summary>A random database id (version 4 layout is irrelevant here; only uniqueness matters).</summary>
    public Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Runs a sample through the real normalisers; prints how many gave the key the generator expected.</summary>
    public static void PrintAgreement(IEnumerable<SyntheticIdentifier> sample)
    {
        var total = 0;
        var agreed = 0;
        var examples = new StringBuilder();
        foreach (var identifier in sample)
        {
            total++;
            if (identifier.Normalise() is NormalisedIdentifier { Note: null } normalised && normalised.Key == identifier.Key)
            {
                agreed++;
            }
            else if (examples.Length < 400)
            {
                examples.Append(CultureInfo.InvariantCulture, $" [{identifier.Kind} \"{identifier.Raw}\" ({identifier.Region}) → {identifier.Normalise()}]");
            }
        }
        Console.WriteLine($"real normalisers on a sample: {agreed:N0}/{total:N0} raw forms gave the generated key{examples}");
    }
}
