using System.Globalization;
using System.Text;
using Bogus;

namespace Ariadne.Bench;

/// <summary>
/// Distractor names for the evaluation (issue #11 item 8): <c>names-distractors --rows N --out FILE [--seed N]</c>
/// writes <c>entity_id&lt;TAB&gt;name</c> lines from Bogus's name lists in many locales and scripts, so the dev set's
/// real names are searched among millions of others. Each distractor person has one to three name forms, like the
/// real set. Generated data goes under /tmp, never into the repository.
/// </summary>
internal static class NameDistractors
{
    // Every Bogus locale with person names, in its own script where Bogus has one (ar, fa, el, ru, uk, ja, ko, zh).
    public static readonly string[] Locales =
    [
        "ar", "fa", "el", "ru", "uk", "ja", "ko", "zh_CN", "zh_TW", "ge", "tr", "ro", "de", "fr", "es", "pl", "vi",
        "it", "pt_BR", "nl", "cz", "sk", "hr", "lv", "sv", "nb_NO", "fi", "id_ID", "az", "ne", "en", "en_IND",
    ];

    public static int Run(string[] args)
    {
        long rows = 0;
        string? output = null;
        var seed = 11;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--rows" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out rows) && rows > 0:
                case "--seed" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--out" when value is not null:
                    output = value;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"names-distractors: bad or incomplete argument '{args[i]}'");
                    Console.Error.WriteLine("usage: names-distractors --rows N --out FILE [--seed N]");
                    return 2;
            }
        }
        if (rows <= 0 || output is null)
        {
            Console.Error.WriteLine("usage: names-distractors --rows N --out FILE [--seed N]");
            return 2;
        }
        Randomizer.Seed = new Random(seed);
        var random = new Random(seed);
        var names = Locales.Select(l => new Bogus.DataSets.Name(l)).ToArray();
        using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false), 1 << 20);
        long written = 0, person = 0;
        while (written < rows)
        {
            var name = names[random.Next(names.Length)];
            person++;
            var forms = 1 + random.Next(3);
            var first = name.FirstName();
            var last = name.LastName();
            for (var f = 0; f < forms && written < rows; f++)
            {
                // A person's forms: as listed, family name first, with a second given name.
                var form = f switch
                {
                    0 => $"{first} {last}",
                    1 => $"{last} {first}",
                    _ => $"{first} {name.FirstName()} {last}",
                };
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"d-{person}\t{form}\n"));
                written++;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written:N0} names of {person:N0} persons written to {output}"));
        return 0;
    }
}
