using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Ariadne.Tests.Infrastructure;

public sealed record TestUser(Guid Id, string UserName, string Password, Guid OrganisationId, string[] Roles);

/// <summary>
/// The real Ariadne host in memory, on its own database (a temporary SQLite file or a new PostgreSQL
/// database), with intent methods that speak the domain's words. Clients carry real tokens from the
/// real token endpoint: nothing bypasses authentication.
/// </summary>
public sealed class AriadneAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery";
    private static readonly ConcurrentDictionary<string, Lazy<Task<AriadneAppFactory>>> Shared = new();

    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataDirectory;
    private readonly string? _postgresDatabase;
    private readonly TimeProvider? _time;

    public string Database { get; }
    public string ConnectionString { get; }
    public string ChainKey { get; }

    private AriadneAppFactory(string database, IDictionary<string, string?>? overrides, TimeProvider? time)
    {
        Database = database;
        _time = time;
        _dataDirectory = Path.Combine(Path.GetTempPath(), "ariadne-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
        ChainKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        if (database == Databases.Postgres)
        {
            _postgresDatabase = "ariadne_test_" + Guid.NewGuid().ToString("N")[..12];
            ConnectionString = new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(_dataDirectory, "ariadne.db")}";
        }
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database,
            ["ConnectionStrings:Ariadne"] = ConnectionString,
            ["Database:DataDirectory"] = _dataDirectory,
            ["Audit:ChainKey"] = ChainKey,
            ["Security:SignInRateLimit:PerAddressPerMinute"] = "100000",
            ["Security:SignInRateLimit:PerAccountPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>A second host on this app's database, data directory and keys (several hosts behind one load balancer).</summary>
    private AriadneAppFactory(AriadneAppFactory first, IDictionary<string, string?>? overrides)
    {
        Database = first.Database;
        _time = first._time;
        _dataDirectory = first._dataDirectory;
        ChainKey = first.ChainKey;
        ConnectionString = first.ConnectionString;
        _postgresDatabase = first._postgresDatabase;
        _ownsDatabase = false;
        _settings = new Dictionary<string, string?>(first._settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    private readonly bool _ownsDatabase = true;

    /// <summary>Waits for the check index to load in the background (a check answers 503 before), at most 30 seconds.</summary>
    public async Task CheckIndexLoadedAsync()
    {
        var index = Services.GetRequiredService<Ariadne.Web.Features.Checks.CheckIndex>();
        for (var i = 0; i < 600 && !index.IsReady; i++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Starts another host on the same database; disposing it leaves the database to the first.</summary>
    public static AriadneAppFactory AnotherHostOn(AriadneAppFactory first, IDictionary<string, string?>? settings = null)
    {
        var factory = new AriadneAppFactory(first, settings);
        _ = factory.Server;
        return factory;
    }

    /// <summary>The app shared by all tests on one database; tests isolate themselves with their own organisations.</summary>
    public static Task<AriadneAppFactory> SharedAsync(string database) =>
        Shared.GetOrAdd(database, d => new Lazy<Task<AriadneAppFactory>>(() => StartAsync(d, null, null))).Value;

    /// <summary>
    /// An app with a database of its own, for tests that tamper with data or change settings. With
    /// <paramref name="time"/> (a <see cref="FakeClock"/>), the app reads the time from it, so a test can let days pass.
    /// </summary>
    public static Task<AriadneAppFactory> IsolatedAsync(string database, IDictionary<string, string?>? settings = null,
        TimeProvider? time = null) =>
        StartAsync(database, settings, time);

    private static async Task<AriadneAppFactory> StartAsync(string database, IDictionary<string, string?>? settings, TimeProvider? time)
    {
        var factory = new AriadneAppFactory(database, settings, time);
        if (factory._postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(Databases.PostgresServer);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {factory._postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _ = factory.Server; // starts the host: schema scripts run, roles are created
        await factory.CheckIndexLoadedAsync();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            if (value is null)
            {
                continue; // a test that passes null gets the shipped setting (appsettings.json)
            }
            builder.UseSetting(key, value);
        }
        if (_time is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(_time);
            });
        }
    }

    /// <summary>The command-line arguments that point `ariadne` commands at this app's database.</summary>
    public string[] CommandLineSettings =>
    [
        $"--Database:Provider={Database}", $"--ConnectionStrings:Ariadne={ConnectionString}",
        $"--Database:DataDirectory={_dataDirectory}", $"--Audit:ChainKey={ChainKey}",
    ];

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<AriadneDbContext, Task> work) =>
        WithScopeAsync(async s =>
        {
            await work(s.GetRequiredService<AriadneDbContext>());
            return true;
        });

    public Task<Organisation> CreateOrganisationAsync(OrganisationType type, string? name = null) =>
        WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AriadneDbContext>();
            var organisation = new Organisation
            {
                Name = name ?? $"{type} {Guid.NewGuid():N}"[..40],
                Type = type,
                Area = "Test district",
                CreatedAt = DateTime.UtcNow,
            };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation;
        });

    public Task<TestUser> CreateUserAsync(Organisation organisation, params string[] roles) =>
        WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            var userName = "u-" + Guid.NewGuid().ToString("N")[..12];
            var user = new ApplicationUser
            {
                UserName = userName,
                DisplayName = "Test " + userName,
                OrganisationId = organisation.Id,
                CreatedAt = DateTime.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
            return new TestUser(user.Id, userName, Password, organisation.Id, roles);
        });

    /// <summary>A new organisation of a type that fits the role, with one member holding that role.</summary>
    public async Task<TestUser> CreateUserWithRoleAsync(string role)
    {
        var type = OrganisationTypes.All.First(t => t.AssignableRoles().Contains(role));
        return await CreateUserAsync(await CreateOrganisationAsync(type), role);
    }

    /// <summary>Turns on two-factor sign-in as the enrolment page does; returns the authenticator key.</summary>
    public Task<string> EnrolAuthenticatorAsync(TestUser user) =>
        WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            var account = await users.FindByIdAsync(user.Id.ToString());
            await users.ResetAuthenticatorKeyAsync(account!);
            await users.SetTwoFactorEnabledAsync(account!, true);
            return (await users.GetAuthenticatorKeyAsync(account!))!;
        });

    public async Task<HttpResponseMessage> RequestTokenAsync(string userName, string password, string? totp = null)
    {
        using var anonymous = CreateClient();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password, totp });
    }

    /// <summary>An API client signed in through POST /api/v1/auth/token.</summary>
    public async Task<HttpClient> SignInAsync(TestUser user, string? totp = null)
    {
        var response = await RequestTokenAsync(user.UserName, user.Password, totp);
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {user.UserName} failed: {await response.Content.ReadAsStringAsync()}");
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A browser-like client signed in through the real sign-in page (cookie, anti-forgery token).</summary>
    public async Task<HttpClient> SignInToPagesAsync(TestUser user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/Accounts/SignIn", new() { ["UserName"] = user.UserName, ["Password"] = user.Password });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect,
            $"page sign-in of {user.UserName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Submits a page's form as a browser does: first GET the page for its anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields,
        string? getUrl = null)
    {
        var page = await client.GetStringAsync(getUrl ?? url);
        var token = System.Text.RegularExpressions.Regex.Match(page,
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"no anti-forgery token on {getUrl ?? url}");
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public async Task<HttpClient> SignInAsAsync(string role) => await SignInAsync(await CreateUserWithRoleAsync(role));

    /// <summary>
    /// Audit entries of one action, optionally of one target or one actor. On an app shared between tests running at the
    /// same time, count by actor: another test's views land in the same trail between a count and the next.
    /// </summary>
    public async Task<long> AuditCountAsync(string action, string? targetId = null, Guid? actorUserId = null) =>
        await WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AuditEntries
            .CountAsync(e => e.Action == action && (targetId == null || e.TargetId == targetId)
                && (actorUserId == null || e.ActorUserId == actorUserId)));

    /// <summary>Simulates losing the database under a running app.</summary>
    public async Task DestroyDatabaseAsync()
    {
        if (_postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(Databases.PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
        Directory.CreateDirectory(file); // a folder where the file was: SQLite cannot open it
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDatabase)
        {
            return;
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Databases.PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool is left to the temp cleaner; it holds only test data.
        }
    }

    private sealed record TokenBody(string AccessToken, int ExpiresIn);
}
