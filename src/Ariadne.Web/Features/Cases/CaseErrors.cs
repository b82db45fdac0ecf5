namespace Ariadne.Web.Features.Cases;

/// <summary>Why a case operation was refused, with the HTTP status the API answers and the field to point at.</summary>
public sealed record CaseError(int Status, string Message, string? Field = null)
{
    public static readonly CaseError NotFound = new(StatusCodes.Status404NotFound, "There is no such case, or it is not shared with your organisation.");

    public static CaseError Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, message, field);
    public static CaseError Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);
    public static CaseError Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    /// <summary>A refused transition: a missing reason is the caller's input, anything else is the case's state or the caller's part.</summary>
    public static CaseError From(TransitionResult r) =>
        r.Field is not null ? Invalid(r.Field, r.Refusal!) : r.NotYourPart ? Forbidden(r.Refusal!) : Conflict(r.Refusal!);
}

/// <summary>The result of a case operation: a value, or the reason it was refused.</summary>
public readonly record struct CaseResult<T>(T? Value, CaseError? Error)
{
    public bool Ok => Error is null;
    public static implicit operator CaseResult<T>(T value) => new(value, null);
    public static implicit operator CaseResult<T>(CaseError error) => new(default, error);
}
