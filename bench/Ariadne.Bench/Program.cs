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
if (args is [var verb, ..] && NamesCommands.Handles(verb)) { return NamesCommands.Run(args); }
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(AuditBenchmarks).Assembly).Run(args, config);
return 0;

