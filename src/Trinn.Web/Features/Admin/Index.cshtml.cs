using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Common;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Admin;

/// <summary>Users and their roles and teams.</summary>
public sealed class IndexModel(
    TrinnDbContext db,
    UserManager<TrinnUser> users,
    RoleManager<IdentityRole> roles,
    UserSessions sessions,
    PublicUrls urls,
    IStringLocalizer<SharedResource> t,
    TimeProvider time) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public List<SelectListItem> RoleItems { get; private set; } = [];

    public List<SelectListItem> TeamItems { get; private set; } = [];

    public string? Created { get; private set; }

    /// <summary>A password reset link just created, shown once for the admin to hand over.</summary>
    public string? ResetLink { get; private set; }

    public string? ResetLinkFor { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Role is not null)
        {
            ConcurrencyGuard.TryApply(() => Roles.CheckAssignment(Input.Role, Input.TeamId), ModelState, t, ex => RoleMessage(t, ex));
        }

        if (ModelState.IsValid)
        {
            var user = new TrinnUser
            {
                UserName = Input.UserName!.Trim(),
                DisplayName = Input.DisplayName!.Trim(),
                TeamId = Input.TeamId,
                Fte = Input.Fte,
            };
            await using var tx = await db.Database.BeginTransactionAsync();
            var result = await users.CreateAsync(user, Input.Password ?? "");
            if (result.Succeeded && user.TeamId is { } teamId)
            {
                // The indicators count the new user in the team from today (history on /Admin/Memberships).
                db.Add(Core.Teams.TeamMembership.Start(user.Id, teamId, user.Fte ?? Core.Teams.TeamMembership.MaxFte, NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync();
            }

            if (result.Succeeded)
            {
                await roles.EnsureExistsAsync(Input.Role!);
                result = await users.AddToRoleAsync(user, Input.Role!);
            }

            if (result.Succeeded)
            {
                await tx.CommitAsync();
                Created = user.UserName;
                Input = new NewUserInput();
                ModelState.Clear();
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.UserName";
                    ModelState.AddModelError(field, t["Identity_" + error.Code]);
                }
            }
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Creates a one-time password reset link for a user (Trinn sends no mail; the admin hands it over).</summary>
    public async Task<IActionResult> OnPostResetLinkAsync(string? id)
    {
        ModelState.Clear();
        if (id is null || await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        ResetLink = await Account.PasswordResetLinks.CreateAsync(users, db, sessions, urls, user, Request);
        ResetLinkFor = user.UserName;
        await LoadAsync();
        return Page();
    }

    /// <summary>The text for a refused role assignment (an unknown role reads as a missing one).</summary>
    internal static string RoleMessage(IStringLocalizer t, DomainException ex) =>
        ex.MessageKey == "Error_RoleUnknown" ? t["Error_Required", t["Field_Role"]] : t[ex.MessageKey];

    private async Task LoadAsync()
    {
        var list = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                Team = u.Team!.Name,
                u.Fte,
                u.DeactivatedAtUtc,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync();
        Users = list.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.Team, u.Fte, u.Roles, u.DeactivatedAtUtc is not null)).ToList();
        RoleItems = [new SelectListItem(t["Select_Choose"], ""), .. Roles.All.Select(r => new SelectListItem(t["Role_" + r], r))];
        TeamItems = await db.TeamItemsAsync(t["Select_None"]);
    }
}

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Team, decimal? Fte, IReadOnlyList<string> Roles, bool Deactivated);

public sealed class NewUserInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(64, ErrorMessage = "Error_TooLong")]
    [RegularExpression("^[a-zA-Z0-9._-]+$", ErrorMessage = "Error_UserNameChars")]
    [Display(Name = "Field_UserName")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(100, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_DisplayName")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Role")]
    public string? Role { get; set; }

    [Display(Name = "Field_Team")]
    public int? TeamId { get; set; }

    [Range(0.1, 1.0, ErrorMessage = "Error_FteRange")]
    [Display(Name = "Field_Fte")]
    public decimal? Fte { get; set; }

    public string? Password { get; set; }
}
