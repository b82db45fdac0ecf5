namespace Ariadne.Web.Features.Demo;

/// <summary>Whether Ariadne runs with demo data and known passwords; every page then shows a banner.</summary>
public sealed record DemoMode(bool Enabled);

internal static class DemoSwitch
{
    /// <summary>`--demo` on the command line is shorthand for the configuration key Demo:Enabled=true.</summary>
    public static string[] Translate(string[] args) =>
        args.Select(a => string.Equals(a, "--demo", StringComparison.Ordinal) ? "--Demo:Enabled=true" : a).ToArray();
}
