using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Account;

public sealed class LoginTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    [Fact]
    public async Task Login_RightPassword_SignsInAndRedirectsToTheRolesStartPage()
    {
        var user = await app.Data.AddUserAsync(Roles.NavVeileder);
        using var client = BrowserClient.Anonymous(app);

        using var response = await client.TryLoginAsync(user.UserName!, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var start = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("/Referrals/Mine", start.RedirectPath());
    }

    [Theory]
    [InlineData("https://evil.example/steal", "/")]
    [InlineData("//evil.example/steal", "/")]
    [InlineData("/Account/Profile", "/Account/Profile")]
    public async Task Login_ReturnUrl_RedirectsOnlyWithinTheApp(string returnUrl, string expected)
    {
        var user = await app.Data.AddUserAsync(Roles.Forsker);
        using var client = BrowserClient.Anonymous(app);
        var form = await client.GetFormAsync("/Account/Login");

        using var response = await client.PostFormAsync(form, new()
        {
            ["Input.UserName"] = user.UserName!,
            ["Input.Password"] = TestData.Password,
            ["ReturnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_FourFailedAttempts_RightPasswordStillWorks()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        using var client = BrowserClient.Anonymous(app);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.TryLoginAsync(user.UserName!, "Feil!2345");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await client.TryLoginAsync(user.UserName!, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
