using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests;

/// <summary>
/// Starts Ariadne and one headless Chromium once for all browser tests (an xUnit collection fixture);
/// each test gets its own browser context, so cookies never leak from one test to the next.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    /// <summary>Generous on purpose: the test machines have two slow cores and start Chromium cold.</summary>
    public const float Timeout = 30_000;

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly AriadneAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseUrl { get; private set; } = null!;

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(Timeout);

        // StartServer blocks while the app applies its schema and seeds the demo accounts.
        await Task.Run(_app.StartServer);
        BaseUrl = _app.BaseAddress;

        var chromium = Environment.GetEnvironmentVariable("ARIADNE_TEST_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}: install Debian's chromium package or set ARIADNE_TEST_CHROMIUM.");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArguments,
            Timeout = Timeout * 2,
        });
    }

    /// <summary>
    /// Sets up data through the running app's services (the same ones the pages call), for what a test needs but
    /// does not exercise itself: a shelter, a referral made earlier.
    /// </summary>
    public Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work) => _app.WithScopeAsync(work);

    /// <summary>A page in a fresh context the size of a common phone (390 × 844 CSS pixels), in British English.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return await context.NewPageAsync();
    }

    /// <summary>A page in a fresh context the size of an office screen (1280 × 900), for what is drawn only on wide screens.</summary>
    public async Task<IPage> NewDesktopPageAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "en-GB",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs a test's steps on a new phone page; when they fail, the page as it was then is saved as
    /// <c>TestResults/screenshots/&lt;test&gt;.png</c> before the failure is reported.
    /// </summary>
    public Task OnPhoneAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "") => OnPageAsync(NewPhonePageAsync, steps, test);

    /// <summary>As <see cref="OnPhoneAsync"/>, on a desktop-sized page.</summary>
    public Task OnDesktopAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "") => OnPageAsync(NewDesktopPageAsync, steps, test);

    private static async Task OnPageAsync(Func<Task<IPage>> open, Func<IPage, Task> steps, string test)
    {
        Screenshots.Forget(test);
        var page = await open();
        try
        {
            await steps(page);
        }
        catch (Exception)
        {
            await Screenshots.TrySaveAsync(page, test);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser";
}
