using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Account;

/// <summary>
/// Where an admin-issued reset link lands (anonymous, rate limited). A successful reset also lifts a lockout from
/// failed sign-ins: whoever holds the link was given it by an admin.
/// </summary>
public sealed class ResetPasswordModel(
    UserManager<TrinnUser> users,
    TrinnDbContext db,
    UserSessions sessions,
    SignInThrottling throttling,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    /// <summary>False when the link is missing, malformed, expired or already used.</summary>
    public bool LinkValid { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? bruker, string? kode)
    {
        Input = new ResetPasswordInput { UserId = bruker, Code = kode };
        LinkValid = await FindUserWithValidTokenAsync() is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindUserWithValidTokenAsync();
        LinkValid = user is not null;
        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.ResetPasswordAsync(user, Input.Code!, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
                {
                    LinkValid = false;
                }
                else
                {
                    ModelState.AddModelError("Input.Password", t["Identity_" + error.Code]);
                }
            }

            return Page();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.AuditAsync([new AuditEvent(AuditAction.Update, AuditEntities.PasswordReset, user.Id, null, null)]);
        // Whoever knew the old password is signed out everywhere.
        await sessions.RevokeAllAsync(user.Id, SessionEndReason.PasswordReset);
        await throttling.ForgetUserAsync(user);
        await tx.CommitAsync();
        Done = true;
        Input = new ResetPasswordInput();
        return Page();
    }

    private async Task<TrinnUser?> FindUserWithValidTokenAsync()
    {
        if (Input.UserId is not { Length: > 0 and <= 64 } userId || Input.Code is not { Length: > 0 and <= 2048 } code
            || await users.FindByIdAsync(userId) is not { } user
            || user.DeactivatedAtUtc is not null)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<TrinnUser>.ResetPasswordTokenPurpose, code)
            ? user
            : null;
    }
}

public sealed class ResetPasswordInput
{
    public string? UserId { get; set; }

    public string? Code { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(256, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_NewPassword")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Compare(nameof(Password), ErrorMessage = "Error_PasswordsDiffer")]
    [Display(Name = "Field_ConfirmPassword")]
    public string? ConfirmPassword { get; set; }
}
