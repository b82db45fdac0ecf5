using Microsoft.Playwright;

namespace Ariadne.BrowserTests;

/// <summary>Full-page screenshots under the project's <c>TestResults/screenshots</c> folder (not committed).</summary>
internal static class Screenshots
{
    // bin/<configuration>/<framework>/ → the project folder.
    public static string Folder { get; } =
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    public static string PathOf(string name) => Path.Combine(Folder, name + ".png");

    public static async Task<string> SaveAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>For a failing test: a broken page must not hide the failure itself.</summary>
    public static async Task TrySaveAsync(IPage page, string name)
    {
        try
        {
            await SaveAsync(page, name);
        }
        catch (PlaywrightException)
        {
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Removes an earlier run's screenshot, so a stale picture is never mistaken for this run's.</summary>
    public static void Forget(string name)
    {
        if (File.Exists(PathOf(name)))
        {
            File.Delete(PathOf(name));
        }
    }
}
