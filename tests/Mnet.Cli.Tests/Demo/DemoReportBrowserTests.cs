using Microsoft.Playwright;

namespace Mnet.Cli.Tests.Demo;

/// <summary>
/// reports/demo.html in headless Chromium (Debian's package, driven by Playwright with ExecutablePath): the page
/// renders, every managed network has its diagram drawn (non-empty boxes), and the browser reports no errors.
/// </summary>
[Collection(DemoRunCollection.Name)]
public sealed class DemoReportBrowserTests(DemoRunFixture fixture)
{
    [Fact]
    public async Task The_html_report_renders_in_chromium_with_every_diagram_and_no_console_errors()
    {
        string chromium = ChromiumLocator.Find();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");

        var response = await page.GotoAsync(new Uri(fixture.Result.HtmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Ok, $"status {response.Status}");
        Assert.Equal(fixture.Result.Report.Title, await page.TitleAsync());
        Assert.Contains("Final scan: all", await page.InnerTextAsync(".headline"), StringComparison.Ordinal);

        // Every workspace with a managed network after the run has its diagram; before diagrams sit in folds.
        var workspaces = fixture.Result.Report.Workspaces;
        int managedAfter = workspaces.Count(w => w.After?.IsManaged == true);
        int managedBefore = workspaces.Count(w => w.Before?.IsManaged == true && w.After is not null);
        Assert.True(managedAfter > 0);
        Assert.Equal(managedAfter, await page.Locator("[data-diagram=after] > svg").CountAsync());
        Assert.Equal(managedBefore, await page.Locator("[data-diagram=before] > svg").CountAsync());
        Assert.Equal(managedAfter + managedBefore, await page.Locator("svg[aria-label^='Managed network of']").CountAsync());
        foreach (var w in workspaces.Where(w => w.After?.IsManaged == true))
        {
            var svg = page.Locator($"[data-diagram=after] > svg[aria-label^='Managed network of {w.Name} (after)']");
            Assert.Equal(1, await svg.CountAsync());
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 50 }, $"{w.Name}: the diagram is drawn ({box?.Width}x{box?.Height})");
            Assert.True(await svg.Locator("text").CountAsync() > 5, $"{w.Name}: the diagram has its labels");
        }

        Assert.Equal(workspaces.Count, await page.Locator("section.card").CountAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
