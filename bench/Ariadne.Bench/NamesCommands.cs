namespace Ariadne.Bench;

/// <summary>The name verbs of the bench tool: `names` (evaluation, issue #11 item 6) and `names-distractors`.</summary>
internal static class NamesCommands
{
    public static bool Handles(string verb) => verb is "names" or "names-distractors";

    public static int Run(string[] args) => args[0] switch
    {
        "names" => NamesEvaluation.Run(args[1..]),
        _ => NameDistractors.Run(args[1..]),
    };
}
