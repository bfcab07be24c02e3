using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Account;

public sealed class AdminUsersTests
{
    /// <summary>Only demo seeding creates role rows; a database set up without it must still take new users.</summary>
    [Fact]
    public async Task NewUser_RoleNotYetInDatabase_CreatedWithThatRole()
    {
        using var app = new TrinnFactory();
        var admin = await app.Data.AddUserAsync(Roles.Admin);
        await app.Data.WithDbAsync(db => db.Roles.Where(r => r.Name == Roles.Forsker).ExecuteDeleteAsync());
        using var client = await BrowserClient.LoginAsync(app, admin.UserName!);
        var userName = TestData.Unique("forsker");

        using var response = await client.SubmitAsync("/Admin", new()
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "Ny Forsker",
            ["Input.Role"] = Roles.Forsker,
            ["Input.TeamId"] = "",
            ["Input.Fte"] = "",
            ["Input.Password"] = TestData.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Brukeren {userName} er opprettet.", await response.HtmlAsync(), StringComparison.Ordinal);
        var roles = await app.Data.WithDbAsync(db => db.Users.Where(u => u.UserName == userName)
            .SelectMany(u => db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)).ToListAsync());
        Assert.Equal([Roles.Forsker], roles);
    }

    [Fact]
    public async Task UserPage_OwnAccount_CannotBeDeactivatedOrChanged()
    {
        using var app = new TrinnFactory();
        var admin = await app.Data.AddUserAsync(Roles.Admin);
        using var client = await BrowserClient.LoginAsync(app, admin.UserName!);
        var page = await client.GetHtmlAsync($"/Admin/Edit/{admin.Id}");
        var form = await client.GetFormAsync($"/Admin/Edit/{admin.Id}", $"/Admin/Edit/{admin.Id}?handler=Role");

        using var role = await client.PostFormAsync(form, new() { ["Input.Role"] = Roles.Leder, ["Input.TeamId"] = "" });
        using var deactivate = await client.PostFormAsync(form, [], $"/Admin/Edit/{admin.Id}?handler=Deactivate");

        Assert.DoesNotContain("handler=Deactivate", page, StringComparison.Ordinal);
        Assert.Equal("Du kan ikke endre eller deaktivere din egen bruker. Be en annen administrator.", ResponseExtensions.FieldError(await role.HtmlAsync(), "Input_Role"));
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        var stored = await app.Data.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == admin.Id));
        Assert.Null(stored.DeactivatedAtUtc);
        using var still = await client.GetAsync("/Admin");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }
}
