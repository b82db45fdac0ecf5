using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.BrowserTests;

/// <summary>
/// The real Ariadne host served by Kestrel on 127.0.0.1 (a free port), because a browser needs a socket,
/// not the in-memory TestServer. Demo mode on SQLite in a throwaway data folder.
/// </summary>
internal sealed class AriadneAppFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("ariadne-browser-");

    public AriadneAppFactory()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where Kestrel listens, for instance <c>http://127.0.0.1:40123/</c>; only after StartServer.</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
                ?? throw new InvalidOperationException("The server does not report where it listens.");
            return new Uri(addresses.Addresses.Single());
        }
    }

    /// <summary>Runs test set-up against the running app's own services, in a scope of its own (as a request would).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", _dataDirectory.FullName);
        builder.UseSetting("Audit:ChainKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // Every test signs in from the same loopback address.
        builder.UseSetting("Security:SignInRateLimit:PerAddressPerMinute", "1000");
        builder.UseSetting("Security:SignInRateLimit:PerAccountPerMinute", "1000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled SQLite connections keep the database file open.
        SqliteConnection.ClearAllPools();
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing the run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
