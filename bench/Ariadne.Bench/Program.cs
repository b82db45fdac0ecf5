using Ariadne.Bench;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Prints figures; asserts nothing. Run: dotnet run -c Release --project bench/Ariadne.Bench
// `-- load [...]` runs the HTTP load script instead (LoadTest.cs).
if (args is ["load", ..])
{
    return await LoadTest.RunAsync(args[1..]);
}
if (args is ["identifiers", ..])
{
    return IdentifierIndexBench.Run(args[1..]);
}
if (args is ["crossref", ..])
{
    return CrossReferenceBench.Run(args[1..]);
}
// `-- intelligence [--reports 100000] [--postgres CONNSTRING]` times the intelligence list and creation (IntelligenceBench.cs).
if (args is ["intelligence", ..])
{
    return await IntelligenceBench.RunAsync(args[1..]);
}
// `-- ctdc-import [--rows 200000] [--postgres CONNSTRING]` prints CTDC import rows per second (CtdcImportBench.cs).
if (args is ["ctdc-import", ..])
{
    return await CtdcImportBench.RunAsync(args[1..]);
}
// `-- statistics [--cases 100000] [--screenings 1000000] [--runs 20] [--data DIR]` times every statistics page over HTTP (StatisticsBench.cs).
if (args is ["statistics", ..])
{
    return await StatisticsBench.RunAsync(args[1..]);
}
// `-- checks [--reports 100000] [--runs 200] [--postgres CONNSTRING]`: checks through the HTTP API (ChecksBench.cs, issue 12).
if (args is ["checks", ..])
{
    return await ChecksBench.RunAsync(args[1..]);
}
// `-- names …` scores the name index (issue 11 item 6); `-- names-distractors …` generates rows for it (NamesCommands.cs).
if (args is [var verb, ..] && NamesCommands.Handles(verb))
{
    return NamesCommands.Run(args);
}
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(AuditBenchmarks).Assembly).Run(args, config);
return 0;

