import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIMessageTopLevelComponent,
} from 'discord.js';
import { DiscordError } from './errors.js';

/**
 * Discord rejects over-long messages with 400 "Invalid Form Body" (code 50035). A bot that only ever talks to
 * this stand-in must hit the same wall, so the limits that a briefing bot can plausibly exceed are enforced.
 */
export interface FormIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** The message fields the checks read; a subset of the create/edit/interaction-response bodies. */
export interface MessageFields {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  flags?: number | null;
}

const IS_COMPONENTS_V2 = 1 << 15;

const length = (text: string): number => [...text].length;

function maxLength(issues: FormIssue[], path: FormIssue['path'], text: string | undefined, max: number) {
  if (text !== undefined && length(text) > max) {
    issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function embedIssues(embeds: APIEmbed[]): FormIssue[] {
  const issues: FormIssue[] = [];
  if (embeds.length > 10) {
    issues.push({
      path: ['embeds'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 10 or fewer in length.',
    });
  }
  let total = 0;
  embeds.forEach((embed, i) => {
    maxLength(issues, ['embeds', i, 'title'], embed.title, 256);
    maxLength(issues, ['embeds', i, 'description'], embed.description, 4096);
    maxLength(issues, ['embeds', i, 'footer', 'text'], embed.footer?.text, 2048);
    maxLength(issues, ['embeds', i, 'author', 'name'], embed.author?.name, 256);
    const fields = embed.fields ?? [];
    if (fields.length > 25) {
      issues.push({
        path: ['embeds', i, 'fields'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      });
    }
    fields.forEach((field, j) => {
      maxLength(issues, ['embeds', i, 'fields', j, 'name'], field.name, 256);
      maxLength(issues, ['embeds', i, 'fields', j, 'value'], field.value, 1024);
      if (!field.name || !field.value) {
        issues.push({
          path: ['embeds', i, 'fields', j],
          code: 'BASE_TYPE_REQUIRED',
          message: 'This field is required',
        });
      }
      total += length(field.name ?? '') + length(field.value ?? '');
    });
    for (const text of [embed.title, embed.description, embed.footer?.text, embed.author?.name]) {
      total += length(text ?? '');
    }
  });
  if (total > 6000) {
    issues.push({
      path: ['embeds'],
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    });
  }
  return issues;
}

function componentIssues(rows: APIMessageTopLevelComponent[]): FormIssue[] {
  const issues: FormIssue[] = [];
  if (rows.length > 5) {
    issues.push({
      path: ['components'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 5 or fewer in length.',
    });
  }
  rows.forEach((row, i) => {
    const children = (row as APIActionRowComponent<APIComponentInMessageActionRow>).components ?? [];
    if (children.length > 5) {
      issues.push({
        path: ['components', i, 'components'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 5 or fewer in length.',
      });
    }
    children.forEach((child, j) => {
      if ('label' in child) maxLength(issues, ['components', i, 'components', j, 'label'], child.label, 80);
      if ('custom_id' in child) {
        maxLength(issues, ['components', i, 'components', j, 'custom_id'], child.custom_id, 100);
      }
    });
  });
  return issues;
}

/** Limit violations of a message body; empty when Discord would accept it. */
export function messageIssues(body: MessageFields): FormIssue[] {
  const issues: FormIssue[] = [];
  if (typeof body.content === 'string') maxLength(issues, ['content'], body.content, 2000);
  issues.push(...embedIssues(body.embeds ?? []));
  // Components V2 messages use a different layout system whose limits are not modelled here.
  if (!((body.flags ?? 0) & IS_COMPONENTS_V2)) issues.push(...componentIssues(body.components ?? []));
  return issues;
}

/** Whether a new message would be "empty" (Discord's 50006), which it refuses to create. */
export function isEmptyMessage(body: MessageFields, fileCount: number): boolean {
  return (
    !body.content &&
    !(body.embeds ?? []).length &&
    !(body.components ?? []).length &&
    fileCount === 0 &&
    !('sticker_ids' in body) &&
    !('poll' in body)
  );
}

export function choiceIssues(choices: APIApplicationCommandOptionChoice[]): FormIssue[] {
  const issues: FormIssue[] = [];
  if (choices.length > 25) {
    issues.push({
      path: ['data', 'choices'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 25 or fewer in length.',
    });
  }
  choices.forEach((choice, i) => {
    maxLength(issues, ['data', 'choices', i, 'name'], choice.name, 100);
    if (typeof choice.value === 'string')
      maxLength(issues, ['data', 'choices', i, 'value'], choice.value, 100);
  });
  return issues;
}

/** Discord's nested `errors` shape, e.g. `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
export function invalidFormBody(issues: FormIssue[]): DiscordError {
  const errors: Record<string, unknown> = {};
  for (const { path, code, message } of issues) {
    let node = errors;
    for (const key of path) node = (node[key] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as { code: string; message: string }[]).push({ code, message });
  }
  return new DiscordError(400, { code: 50035, message: 'Invalid Form Body', errors });
}
