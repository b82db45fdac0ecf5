using Ariadne.Web;
using Ariadne.Web.Cli;

// One host for everything: `ariadne` serves the UI and the API; `ariadne audit verify`, `ariadne db ...`
// run a command against the same configuration and exit.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out);
}

var app = AriadneHost.Build(args);
await app.RunAsync();
return 0;

public partial class Program;
