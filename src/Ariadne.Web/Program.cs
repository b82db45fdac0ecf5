using Ariadne.Web;
using Ariadne.Web.Cli;

// One host for everything: `ariadne` serves the UI and the API; `ariadne audit verify`, `ariadne db ...`
// run a command against the same configuration and exit.
try
{
    if (CommandLine.IsCommand(args))
    {
        return await CommandLine.RunAsync(args, Console.Out);
    }

    var app = AriadneHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Ariadne.Web.Features.Audit.UnsafeConfigurationException e)
{
    // A plain message, not a stack trace: it tells the operator which setting to change.
    await Console.Error.WriteLineAsync(e.Message);
    return 3;
}

public partial class Program;
