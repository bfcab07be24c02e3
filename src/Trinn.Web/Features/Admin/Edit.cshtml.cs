using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Identity;
using Trinn.Web.Features.Account;

namespace Trinn.Web.Features.Admin;

/// <summary>
/// One user's access: role and team, deactivation, lifting a lockout, ending every session. A role change and a
/// deactivation end the user's sessions at once (docs/adr/sign-in-and-sessions.md). An admin cannot change or
/// deactivate their own account here, so the last admin cannot lock everyone out.
/// </summary>
public sealed class EditModel(
    TrinnDbContext db,
    UserManager<TrinnUser> users,
    RoleManager<IdentityRole> roles,
    UserSessions sessions,
    TimeProvider time,
    IStringLocalizer<SharedResource> t,
    IStringLocalizer<AccountResource> a) : PageModel
{
    [BindProperty]
    public RoleInput Input { get; set; } = new();

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public DateTime? DeactivatedAtUtc { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public int ActiveSessions { get; private set; }

    public bool IsSelf { get; private set; }

    public List<SelectListItem> RoleItems { get; private set; } = [];

    public List<SelectListItem> TeamItems { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var current = await users.GetRolesAsync(user);
        Input = new RoleInput { Role = current.FirstOrDefault(), TeamId = user.TeamId };
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == User.UserId())
        {
            ModelState.AddModelError("Input.Role", a["Error_NotOwnAccount"]);
        }

        if (ModelState.IsValid)
        {
            ConcurrencyGuard.TryApply(() => Roles.CheckAssignment(Input.Role, Input.TeamId), ModelState, t, ex => IndexModel.RoleMessage(t, ex));
        }

        if (Input.TeamId is { } teamId && !await db.Teams.AnyAsync(x => x.Id == teamId))
        {
            ModelState.AddModelError("Input.TeamId", t["Error_UnknownTeam"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        var changed = !(current.Count == 1 && current[0] == Input.Role) || user.TeamId != Input.TeamId;
        if (changed)
        {
            if (current.Count > 0)
            {
                Check(await users.RemoveFromRolesAsync(user, current));
            }

            await roles.EnsureExistsAsync(Input.Role!);
            Check(await users.AddToRoleAsync(user, Input.Role!));
            user.TeamId = Input.TeamId;
            Check(await users.UpdateAsync(user));
            await sessions.RevokeAllAsync(user.Id, SessionEndReason.RoleChanged);
        }

        await tx.CommitAsync();
        Message = changed ? a["User_RoleChanged"] : a["User_NothingChanged"];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == User.UserId())
        {
            ModelState.AddModelError("Input.Role", a["Error_NotOwnAccount"]);
            await LoadAsync(user);
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        if (user.DeactivatedAtUtc is null)
        {
            user.DeactivatedAtUtc = time.GetUtcNow().UtcDateTime;
            Check(await users.UpdateAsync(user));
        }

        await sessions.RevokeAllAsync(user.Id, SessionEndReason.Deactivated);
        await tx.CommitAsync();
        Message = a["User_DeactivatedDone"];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.DeactivatedAtUtc is not null)
        {
            user.DeactivatedAtUtc = null;
            Check(await users.UpdateAsync(user));
        }

        Message = a["User_ReactivatedDone"];
        return RedirectToPage(new { id });
    }

    /// <summary>Lifts a lockout after failed sign-ins (the user's own sessions were ended by it and stay ended).</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        Message = a["User_UnlockedDone"];
        return RedirectToPage(new { id });
    }

    /// <summary>Signs the user out everywhere (a lost phone, a shared computer).</summary>
    public async Task<IActionResult> OnPostEndSessionsAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var ended = await sessions.RevokeAllAsync(user.Id, SessionEndReason.SignedOut);
        Message = a.Count("User_SessionsEnded", ended, ended);
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(TrinnUser user)
    {
        UserId = user.Id;
        UserName = user.UserName ?? "";
        DisplayName = user.DisplayName;
        DeactivatedAtUtc = user.DeactivatedAtUtc;
        LockedUntil = user.LockoutEnd is { } end && end > time.GetUtcNow() ? end : null;
        ActiveSessions = await sessions.CountActiveAsync(user.Id);
        IsSelf = user.Id == User.UserId();
        RoleItems = [new SelectListItem(t["Select_Choose"], ""), .. Roles.All.Select(r => new SelectListItem(t["Role_" + r], r))];
        TeamItems = await db.TeamItemsAsync(t["Select_None"]);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("User update failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}

public sealed class RoleInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Role")]
    public string? Role { get; set; }

    [Display(Name = "Field_Team")]
    public int? TeamId { get; set; }
}
