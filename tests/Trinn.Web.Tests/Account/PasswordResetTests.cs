using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Account;

public abstract partial class PasswordResetTests(TrinnFactory app)
{
    private const string NewPassword = "Nytt!passord9";

    [Fact]
    public async Task ResetLink_UsedOnce_SetsNewPasswordAndThenStopsWorking()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        var link = await CreateLinkAsync(user);
        using var person = BrowserClient.Anonymous(app);

        using var reset = await SubmitAsync(person, link, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Passordet er endret", await reset.HtmlAsync(), StringComparison.Ordinal);
        using var oldPassword = await BrowserClient.Anonymous(app).TryLoginAsync(user.UserName!, TestData.Password);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await BrowserClient.Anonymous(app).TryLoginAsync(user.UserName!, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        var again = await person.GetHtmlAsync(link);
        Assert.Contains("Lenken er ugyldig, utløpt eller allerede brukt", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kort1!", "kort1!", "Input.Password", "Passordet må ha minst 8 tegn.")]
    [InlineData(NewPassword, "Noe!annet99", "Input.ConfirmPassword", "Passordene er ikke like.")]
    [InlineData("", "", "Input.Password", "Fyll ut Nytt passord.")]
    public async Task ResetLink_BadPassword_FieldMessageAndPasswordUnchanged(string password, string confirm, string field, string message)
    {
        var user = await app.Data.AddUserAsync(Roles.Forsker);
        var link = await CreateLinkAsync(user);
        using var person = BrowserClient.Anonymous(app);

        using var refused = await SubmitAsync(person, link, password, confirm);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(message, ResponseExtensions.FieldError(await refused.Content.ReadAsStringAsync(), field.Replace('.', '_')));
        using var oldPassword = await BrowserClient.Anonymous(app).TryLoginAsync(user.UserName!, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, oldPassword.StatusCode);
    }

    [Theory]
    [InlineData("?bruker=x&kode=y")]
    [InlineData("")]
    public async Task ResetPage_TamperedOrMissingToken_SaysLinkIsInvalid(string query)
    {
        using var person = BrowserClient.Anonymous(app);

        var html = await person.GetHtmlAsync("/Account/ResetPassword" + query);

        Assert.Contains("Lenken er ugyldig", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetLink_LockedOutAccount_ResetLiftsTheLockout()
    {
        var user = await app.Data.AddUserAsync(Roles.NavVeileder);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrinnUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            await users.SetLockoutEndDateAsync(stored!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        using var locked = await BrowserClient.Anonymous(app).TryLoginAsync(user.UserName!, TestData.Password);
        // A locked account gets the same answer as a wrong password (docs/adr/sign-in-and-sessions.md).
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(LoginMessages.Failed, ResponseExtensions.FieldError(await locked.HtmlAsync(), "Input_UserName"));

        using var reset = await SubmitAsync(BrowserClient.Anonymous(app), await CreateLinkAsync(user), NewPassword, NewPassword);

        using var login = await BrowserClient.Anonymous(app).TryLoginAsync(user.UserName!, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task ResetLink_IssueAndUse_AuditedWithoutTokenAndTokenNeverLogged()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        var link = await CreateLinkAsync(user);
        var token = Uri.UnescapeDataString(TokenInLink().Match(link).Groups[1].Value);
        using var reset = await SubmitAsync(BrowserClient.Anonymous(app), link, NewPassword, NewPassword);

        var audit = await app.Data.WithDbAsync(db => db.Set<Trinn.Core.Audit.AuditEntry>().AsNoTracking()
            .Where(a => a.EntityId == user.Id).ToListAsync());
        Assert.Contains(audit, a => a.EntityType == "PasswordResetLink" && a.Action == Trinn.Core.Audit.AuditAction.Create && a.UserId != null);
        Assert.Contains(audit, a => a.EntityType == "PasswordReset" && a.Action == Trinn.Core.Audit.AuditAction.Update);
        Assert.DoesNotContain(audit, a => (a.Changes ?? "").Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(token, StringComparison.Ordinal)
            || e.State.Any(kv => kv.Value?.ToString()?.Contains(token, StringComparison.Ordinal) == true));
    }

    [Fact]
    public void TokenLifespan_IsOneDay() =>
        Assert.Equal(TimeSpan.FromHours(24), app.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan);

    [Fact]
    public async Task AdminPage_ResetLinkForUnknownUser_NotFound()
    {
        using var admin = await BrowserClient.LoginAsync(app, (await app.Data.AddUserAsync(Roles.Admin)).UserName!);
        var form = await admin.GetFormAsync("/Admin");

        using var response = await admin.PostFormAsync(form, [], "/Admin?handler=ResetLink&id=finnes-ikke");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>An admin creates the link on the Admin page; returns it as a relative URL.</summary>
    private async Task<string> CreateLinkAsync(TrinnUser user)
    {
        using var admin = await BrowserClient.LoginAsync(app, (await app.Data.AddUserAsync(Roles.Admin)).UserName!);
        var form = await admin.GetFormAsync("/Admin");
        using var response = await admin.PostFormAsync(form, [], $"/Admin?handler=ResetLink&id={Uri.EscapeDataString(user.Id)}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = WebUtility.HtmlDecode(ResetLinkCode().Match(html).Groups[1].Value);
        Assert.StartsWith("http://localhost/Account/ResetPassword?bruker=", link, StringComparison.Ordinal);
        return new Uri(link).PathAndQuery;
    }

    private static async Task<HttpResponseMessage> SubmitAsync(BrowserClient client, string link, string password, string confirm)
    {
        var form = await client.GetFormAsync(link);
        return await client.PostFormAsync(form, new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm }, "/Account/ResetPassword");
    }

    [GeneratedRegex("data-testid=\"reset-link\">([^<]*)<")]
    private static partial Regex ResetLinkCode();

    [GeneratedRegex("kode=([^&]*)")]
    private static partial Regex TokenInLink();
}

public sealed class PasswordResetSqliteTests(TrinnFactory app) : PasswordResetTests(app), IClassFixture<TrinnFactory>;

public sealed class PasswordResetPostgresTests(PostgresTrinnFactory app) : PasswordResetTests(app), IClassFixture<PostgresTrinnFactory>;
