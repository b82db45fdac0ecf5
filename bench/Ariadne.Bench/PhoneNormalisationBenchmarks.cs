using Ariadne.Matching.Identifiers;
using BenchmarkDotNet.Attributes;

namespace Ariadne.Bench;

/// <summary>
/// Normalising 10,000 phone numbers as officers write them (issue #11 item 2): national and international
/// formats of RO, BG, GB, NG, VN, UA, with separators, plus a share that cannot be parsed. Prints; asserts nothing.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from it.</remarks>
[MemoryDiagnoser]
public class PhoneNormalisationBenchmarks
{
    private (string Number, string Region)[] _numbers = [];

    [Params(10_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        // (region, national prefix, country code, subscriber digits after the national prefix)
        (string Region, string Trunk, string Cc, string Start, int Digits)[] plans =
        [
            ("RO", "0", "40", "72", 7), ("BG", "0", "359", "88", 7), ("GB", "0", "44", "79", 8),
            ("NG", "0", "234", "80", 8), ("VN", "0", "84", "91", 7), ("UA", "0", "380", "50", 7),
        ];
        _numbers = new (string, string)[Count];
        for (var i = 0; i < Count; i++)
        {
            var plan = plans[random.Next(plans.Length)];
            var subscriber = plan.Start + string.Concat(Enumerable.Range(0, plan.Digits).Select(_ => random.Next(10)));
            var text = (i % 10) switch
            {
                0 or 1 or 2 => plan.Trunk + subscriber,
                3 or 4 => "+" + plan.Cc + " " + subscriber[..3] + " " + subscriber[3..],
                5 or 6 => "00" + plan.Cc + "-" + subscriber,
                7 => "(" + plan.Trunk + subscriber[..3] + ") " + subscriber[3..],
                8 => plan.Trunk + subscriber[..4] + "." + subscriber[4..],
                _ => "tel " + subscriber[..4], // too short: the digits-only path
            };
            _numbers[i] = (text, plan.Region);
        }
    }

    [Benchmark(Description = "normalise 10k phone numbers")]
    public int NormaliseAll()
    {
        var valid = 0;
        foreach (var (number, region) in _numbers)
        {
            if (PhoneNumberNormaliser.Normalise(number, region) is NormalisedIdentifier { Note: null })
            {
                valid++;
            }
        }
        return valid;
    }
}
