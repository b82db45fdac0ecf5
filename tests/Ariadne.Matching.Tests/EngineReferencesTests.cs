using System.Reflection;
using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Tests;

/// <summary>Engines are libraries (conventions, "Patterns to copy"): the matching engine must never depend on the web host or EF Core.</summary>
public sealed class EngineReferencesTests
{
    private static readonly string[] s_forbidden = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Ariadne.Web"];

    [Fact]
    public void The_engine_assembly_references_neither_ASP_NET_Core_nor_EF_Core()
    {
        var engine = typeof(NormalisationResult).Assembly;
        var references = engine.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains("PhoneNumbers", references); // the check sees real references, not an empty list
        Assert.DoesNotContain(references, name => s_forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Nothing_the_engine_loads_references_ASP_NET_Core_or_EF_Core_either()
    {
        // A package the engine uses could pull the web stack in; walk the reference graph outside the framework.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(NormalisationResult).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var name = reference.Name ?? "";
                Assert.False(s_forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)),
                    $"{assembly.GetName().Name} references {name}");
                if (seen.Add(name) && !name.StartsWith("System", StringComparison.Ordinal)
                    && !name.StartsWith("Microsoft", StringComparison.Ordinal) && name != "netstandard" && name != "mscorlib")
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }
        Assert.Contains("PhoneNumbers", seen);
    }
}
