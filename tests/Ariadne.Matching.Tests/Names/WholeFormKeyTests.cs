using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// The whole form's consonants as one key (NameKeys, "w"): for a one-token form, and for an Arabic-script form also as
/// its letter-by-letter reading. Without it such a form shares with the query no more keys than a crowd of longer forms
/// holding a token alike, and the crowd fills the candidates before the form the scorer would put first.
/// </summary>
public sealed class WholeFormKeyTests
{
    private static readonly string[] s_given = ["Ekaterina", "Olga", "Irina", "Marina", "Natalia", "Svetlana", "Anna", "Elena", "Tatiana", "Yulia"];
    private static readonly string[] s_patronymic = ["Ivanovna", "Petrovna", "Sergeevna", "Nikolaevna", "Andreevna", "Pavlovna"];

    [Fact]
    public void A_one_token_form_is_found_among_hundreds_of_longer_forms_holding_a_token_alike()
    {
        using var index = new NameIndex();
        for (var i = 0; i < 400; i++)
        {
            index.Add($"crowd-{i:000}", $"Koshlafi {s_given[i % s_given.Length]} {s_patronymic[i / s_given.Length % s_patronymic.Length]}");
        }
        index.Add("listed", "KASHLAF");

        // Koshlafi shares the query's consonants (k sh l f) and its first four letters, Kashlaf only the consonants; but
        // Koshlafi Olga Ivanovna has two names the query does not.
        var hits = index.Search("Koshlaf", 10);

        Assert.Equal("listed", hits[0].EntityId);
    }

    [Fact]
    public void An_unvowelled_Arabic_form_is_found_by_its_letter_by_letter_reading_among_forms_alike_token_by_token()
    {
        using var index = new NameIndex();
        for (var i = 0; i < 400; i++)
        {
            index.Add($"crowd-{i:000}", $"Abdul Manan Mohammad {s_given[i % s_given.Length]}{i / s_given.Length}");
        }
        index.Add("listed", "عبدالمنان محمد اسحاق");

        var hits = index.Search("ABDUL MANAN MOHAMMAD ISHAK", 10);

        Assert.Equal("listed", hits[0].EntityId);
    }
}
