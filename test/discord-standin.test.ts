import { once } from 'node:events';
import zlib from 'node:zlib';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  ComponentType,
  Partials,
  type ClientOptions,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  TextInputBuilder,
  TextInputStyle,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
  MessageFlags,
  REST,
  Routes,
  type APIEmbed,
  type APIMessage,
  type Interaction,
  type Message,
  type RESTGetAPIGatewayBotResult,
} from 'discord.js';
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordStandin, type DiscordStandin } from '../scripts/discord-standin/index.js';

/** Bodies the bot sends, narrowed to what the assertions read. */
interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
  components?: unknown[];
}

const TOPICS = ['ceasefire talks', 'central bank rates', 'election results', 'energy prices'];

/**
 * A tiny stand-in for the real bot: just enough handlers to drive every kind of traffic through the real
 * discord.js client. Errors are collected rather than thrown into discord.js's event emitter.
 */
function attachTinyBot(client: Client, errors: unknown[]): void {
  const guard =
    <T>(handler: (arg: T) => Promise<unknown>) =>
    (arg: T) =>
      void handler(arg).catch((error: unknown) => errors.push(error));

  client.on(
    Events.InteractionCreate,
    guard(async (interaction: Interaction) => {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused().toLowerCase();
        await interaction.respond(
          TOPICS.filter((t) => t.includes(typed)).map((t) => ({ name: t, value: t })),
        );
      } else if (interaction.isChatInputCommand() && interaction.commandName === 'ask') {
        await interaction.deferReply();
        const question = interaction.options.getString('question', true);
        const detailed = interaction.options.getBoolean('detailed') ?? false;
        await interaction.editReply({
          embeds: [
            new EmbedBuilder()
              .setTitle('Briefing')
              .setDescription(`Q: ${question} (detailed: ${detailed}) <@${interaction.user.id}>`),
          ],
          allowedMentions: { parse: [] },
        });
      } else if (interaction.isChatInputCommand() && interaction.commandName === 'menu') {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary),
          new ButtonBuilder().setCustomId('done').setLabel('Done').setStyle(ButtonStyle.Secondary),
        );
        const response = await interaction.reply({
          content: 'Pick one',
          components: [row],
          withResponse: true,
        });
        await interaction.followUp({
          content: `menu is ${response.resource?.message?.id}`,
          flags: MessageFlags.Ephemeral,
        });
      } else if (interaction.isChatInputCommand() && interaction.commandName === 'topics') {
        const menu = new StringSelectMenuBuilder()
          .setCustomId('topic')
          .addOptions(TOPICS.map((t) => new StringSelectMenuOptionBuilder().setLabel(t).setValue(t)));
        await interaction.reply({
          content: 'Which topic?',
          components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
        });
      } else if (interaction.isChatInputCommand() && interaction.commandName === 'feedback') {
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId('feedback')
            .setTitle('Feedback')
            .addLabelComponents(
              new LabelBuilder()
                .setLabel('Comment')
                .setTextInputComponent(
                  new TextInputBuilder().setCustomId('comment').setStyle(TextInputStyle.Paragraph),
                ),
            ),
        );
      } else if (interaction.isButton()) {
        await interaction.update({ content: `You chose ${interaction.customId}`, components: [] });
      } else if (interaction.isStringSelectMenu()) {
        // deferUpdate + editReply edits the message the menu sits on, not a new reply.
        await interaction.deferUpdate();
        await interaction.editReply({ content: `Topic: ${interaction.values.join(', ')}`, components: [] });
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({
          content: `Thanks: ${interaction.fields.getTextInputValue('comment')}`,
          flags: MessageFlags.Ephemeral,
        });
      }
    }),
  );

  client.on(
    Events.MessageCreate,
    guard(async (message: Message) => {
      if (message.author.bot || !message.mentions.has(client.user!)) return;
      if (!message.channel.isSendable()) return;
      await message.channel.sendTyping();
      if (message.content.includes('attach')) {
        await message.channel.send({
          content: 'Full briefing attached',
          files: [new AttachmentBuilder(Buffer.from('Line one\nLine two\n'), { name: 'briefing.txt' })],
        });
        return;
      }
      await message.reply({
        content: `Answer to: ${message.cleanContent}`,
        allowedMentions: { repliedUser: false },
      });
    }),
  );
}

async function loggedInClient(
  standin: DiscordStandin,
  options: Omit<ClientOptions, 'rest'>,
): Promise<Client> {
  const client = new Client({ ...options, rest: { api: standin.apiUrl } });
  const ready = once(client, Events.ClientReady);
  await client.login(standin.token);
  await ready;
  return client;
}

describe('discord stand-in driven by the real discord.js client', () => {
  let standin: DiscordStandin;
  let client: Client;
  const botErrors: unknown[] = [];

  beforeAll(async () => {
    standin = await startDiscordStandin();
    client = await loggedInClient(standin, {
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    });
    attachTinyBot(client, botErrors);
    await client.application!.commands.set(
      [
        {
          name: 'ask',
          description: 'Ask the briefing bot',
          options: [
            {
              name: 'question',
              description: 'Your question',
              type: ApplicationCommandOptionType.String,
              required: true,
              autocomplete: true,
            },
            { name: 'detailed', description: 'Longer answer', type: ApplicationCommandOptionType.Boolean },
          ],
        },
        { name: 'menu', description: 'Show a menu' },
        { name: 'topics', description: 'Pick a topic' },
        { name: 'feedback', description: 'Send feedback' },
      ],
      standin.guild.id,
    );
  });

  afterEach(() => {
    expect(botErrors).toEqual([]);
  });

  afterAll(async () => {
    await client?.destroy();
    await standin?.close();
  });

  it('logs the client in over an uncompressed v10 JSON gateway with the fake guild cached', () => {
    expect(client.user?.id).toBe(standin.botUser.id);
    expect(client.application?.id).toBe(standin.applicationId);
    const guild = client.guilds.cache.get(standin.guild.id)!;
    expect(guild.memberCount).toBe(4);
    expect(guild.members.me?.id).toBe(standin.botUser.id);
    expect(guild.channels.cache.get(standin.channels.general.id)?.name).toBe('general');
    expect(standin.gatewayConnections).toEqual(['/gateway?v=10&encoding=json']);
    expect(standin.gatewayReceived.find((f) => f.op === GatewayOpcodes.Identify)?.d).toMatchObject({
      intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent,
    });
    expect(standin.registeredCommands(standin.guild.id).map((c) => c.name)).toEqual([
      'ask',
      'menu',
      'topics',
      'feedback',
    ]);
  });

  it('records a deferred slash command answered by editing the original response', async () => {
    const { id, token } = standin.dispatchInteraction({
      kind: 'command',
      name: 'ask',
      user: 'bob',
      options: { question: 'What happened in Brussels?', detailed: true },
    });

    const callback = await standin.waitForCallback(id);
    expect(callback.body).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: 0 },
    });
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.status).toBe(204);

    const edit = await standin.waitForRequest<MessageBody>(
      (r) => r.route === 'PATCH /webhooks/:application/:token/messages/:message' && r.params.token === token,
    );
    expect(edit.params.message).toBe('@original');
    expect(edit.status).toBe(200);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.body.embeds).toEqual([
      {
        title: 'Briefing',
        description: `Q: What happened in Brussels? (detailed: true) <@${standin.users.bob.id}>`,
      },
    ]);

    const [reply] = standin.repliesTo(id);
    expect(reply?.embeds[0]?.title).toBe('Briefing');
    expect(reply?.flags).toBe(0); // no longer "thinking"
    expect(reply?.mentions).toEqual([]); // allowed_mentions suppressed the ping
    expect(reply?.interaction_metadata?.user.id).toBe(standin.users.bob.id);
  });

  it('records a reply with buttons, then the button click answered by updating that message', async () => {
    const menu = standin.dispatchInteraction({ kind: 'command', name: 'menu' });
    const callback = await standin.waitForCallback(menu.id);
    expect(callback.query).toEqual({ with_response: 'true' });
    expect((callback.body as { type: number }).type).toBe(InteractionResponseType.ChannelMessageWithSource);

    // The follow-up proves discord.js parsed the with_response answer into an InteractionCallbackResponse.
    await standin.waitForRequest(
      (r) => r.route === 'POST /webhooks/:application/:token' && r.params.token === menu.token,
    );
    const [original, followUp] = standin.repliesTo(menu.id) as [APIMessage, APIMessage];
    expect(followUp.content).toBe(`menu is ${original.id}`);
    expect(followUp.flags).toBe(MessageFlags.Ephemeral);
    expect(original.components).toHaveLength(1);

    const click = standin.dispatchInteraction({
      kind: 'button',
      user: 'carol',
      messageId: original.id,
      customId: 'more',
    });
    const update = await standin.waitForCallback(click.id);
    expect(update.body).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { content: 'You chose more', components: [] },
    });
    expect(standin.message(original.id)).toMatchObject({ content: 'You chose more', components: [] });
    expect(() =>
      standin.dispatchInteraction({ kind: 'button', messageId: original.id, customId: 'no-such-button' }),
    ).toThrow(/no component with custom_id/);
  });

  it('records a select menu answered by deferring the update and editing the clicked message', async () => {
    const topics = standin.dispatchInteraction({ kind: 'command', name: 'topics' });
    await standin.waitForCallback(topics.id);
    const [menu] = standin.repliesTo(topics.id) as [APIMessage];

    const pick = standin.dispatchInteraction({
      kind: 'select',
      messageId: menu.id,
      customId: 'topic',
      values: ['energy prices'],
    });
    expect((await standin.waitForCallback(pick.id)).body).toEqual({
      type: InteractionResponseType.DeferredMessageUpdate,
    });
    const edit = await standin.waitForRequest(
      (r) =>
        r.route === 'PATCH /webhooks/:application/:token/messages/:message' && r.params.token === pick.token,
    );
    expect(edit.status).toBe(200);
    expect(standin.message(menu.id)).toMatchObject({ content: 'Topic: energy prices', components: [] });
  });

  it('records a modal and answers its submission in the layout the bot showed', async () => {
    const open = standin.dispatchInteraction({ kind: 'command', name: 'feedback' });
    const shown = await standin.waitForCallback(open.id);
    expect(shown.body).toMatchObject({
      type: InteractionResponseType.Modal,
      data: { custom_id: 'feedback' },
    });

    const submit = standin.dispatchInteraction({
      kind: 'modal',
      customId: 'feedback',
      fields: { comment: 'More about rates, please' },
    });
    expect(submit.payload.data).toMatchObject({
      components: [{ type: ComponentType.Label, component: { custom_id: 'comment' } }],
    });
    await standin.waitForCallback(submit.id);
    expect(standin.repliesTo(submit.id)).toMatchObject([
      { content: 'Thanks: More about rates, please', flags: MessageFlags.Ephemeral },
    ]);
  });

  it('records autocomplete results as a type 8 callback', async () => {
    const { id } = standin.dispatchInteraction({
      kind: 'autocomplete',
      name: 'ask',
      focused: 'question',
      options: { question: 'ce' },
    });
    const callback = await standin.waitForCallback(id);
    expect(callback.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: {
        choices: [
          { name: 'ceasefire talks', value: 'ceasefire talks' },
          { name: 'central bank rates', value: 'central bank rates' },
          { name: 'energy prices', value: 'energy prices' },
        ],
      },
    });
  });

  it('records typing and a reply when mentioned, and resolves a user replying to that answer', async () => {
    const question = standin.dispatchMessage({ content: 'what is new?', mentionBot: true, user: 'alice' });
    const channelPath = `/channels/${standin.channels.general.id}`;

    const typing = await standin.waitForRequest(
      (r) => r.method === 'POST' && r.path === `${channelPath}/typing`,
    );
    expect(typing.status).toBe(204);
    const sent = await standin.waitForRequest<MessageBody>(
      (r) =>
        r.route === 'POST /channels/:channel/messages' &&
        r.body?.message_reference?.message_id === question.id,
    );
    expect(sent.body).toMatchObject({
      content: 'Answer to: @briefing-bot what is new?',
      allowed_mentions: { replied_user: false },
    });
    expect(standin.requests.indexOf(typing)).toBeLessThan(standin.requests.indexOf(sent));

    const answer = sent.response as APIMessage;
    expect(answer.author.id).toBe(standin.botUser.id);
    expect(answer.referenced_message?.id).toBe(question.id);
    expect(answer.mentions).toEqual([]); // replied_user: false, so alice is not pinged
    expect(standin.messagesIn(standin.channels.general.id)).toContainEqual(answer);

    // Replying to the bot's answer pings the bot, which is how users continue a conversation.
    const followUp = standin.dispatchMessage({ content: 'and yesterday?', replyTo: answer.id, user: 'bob' });
    expect(followUp.referenced_message?.id).toBe(answer.id);
    const second = await standin.waitForRequest<MessageBody>(
      (r) =>
        r.route === 'POST /channels/:channel/messages' &&
        r.body?.message_reference?.message_id === followUp.id,
    );
    expect(second.body.content).toBe('Answer to: and yesterday?');
  });

  it('parses multipart uploads and serves the attachment back', async () => {
    standin.dispatchMessage({ content: 'attach it please', mentionBot: true });
    const upload = await standin.waitForRequest<MessageBody>(
      (r) => r.route === 'POST /channels/:channel/messages' && r.files.length > 0,
    );
    expect(upload.body.content).toBe('Full briefing attached');
    expect(upload.files[0]).toMatchObject({ field: 'files[0]', filename: 'briefing.txt' });
    expect(upload.files[0]?.data.toString()).toBe('Line one\nLine two\n');
    const attachment = (upload.response as APIMessage).attachments[0]!;
    expect(await (await fetch(attachment.url)).text()).toBe('Line one\nLine two\n');
  });

  it('answers like Discord when the bot gets something wrong', async () => {
    const general = client.channels.cache.get(standin.channels.general.id);
    if (!general?.isSendable()) throw new Error('general should be sendable');

    const tooLong = await general.send('x'.repeat(2001)).catch((error: unknown) => error);
    expect(tooLong).toBeInstanceOf(DiscordAPIError);
    expect(tooLong).toMatchObject({ code: 50035, status: 400 });
    expect((tooLong as DiscordAPIError).message).toContain('content[BASE_TYPE_MAX_LENGTH]');

    const unknown = await client.rest.get('/no/such/route').catch((error: unknown) => error);
    expect(unknown).toMatchObject({ status: 404 });
    expect(standin.requests.at(-1)).toMatchObject({ route: null, path: '/no/such/route', status: 404 });

    const { id, token } = standin.dispatchInteraction({
      kind: 'autocomplete',
      name: 'ask',
      focused: 'question',
    });
    await standin.waitForCallback(id);
    const twice = await client.rest
      .post(`/interactions/${id}/${token}/callback`, {
        body: { type: 8, data: { choices: [] } },
        auth: false,
      })
      .catch((error: unknown) => error);
    expect(twice).toMatchObject({ code: 40060, status: 400 });
  });
});

describe('discord stand-in gateway details', () => {
  it('blanks message content for a client without the MessageContent intent unless the bot is mentioned', async () => {
    const standin = await startDiscordStandin();
    const client = await loggedInClient(standin, {
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    });
    try {
      const plain = once(client, Events.MessageCreate);
      standin.dispatchMessage({ content: 'secret plans' });
      expect(((await plain)[0] as Message).content).toBe('');

      const mentioned = once(client, Events.MessageCreate);
      standin.dispatchMessage({ content: 'hello bot', mentionBot: true });
      expect(((await mentioned)[0] as Message).content).toBe(`<@${standin.botUser.id}> hello bot`);
    } finally {
      await client.destroy();
      await standin.close();
    }
  });

  it('delivers DMs to a client with the DirectMessages intent and records reactions', async () => {
    const standin = await startDiscordStandin();
    const client = await loggedInClient(standin, {
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
      partials: [Partials.Channel],
    });
    const errors: unknown[] = [];
    client.on(Events.MessageCreate, (message) => {
      if (message.author.bot) return;
      void message
        .react('👍')
        .then(() => message.reply('Got it'))
        .catch((error: unknown) => errors.push(error));
    });
    try {
      const dm = standin.dispatchMessage({ channelId: standin.dms.bob.id, user: 'bob', content: 'hi' });
      const reaction = await standin.waitForRequest(
        (r) => r.route === 'PUT /channels/:channel/messages/:message/reactions/:emoji/@me',
      );
      expect(reaction).toMatchObject({ params: { message: dm.id, emoji: '👍' }, status: 204 });
      expect(standin.message(dm.id)?.reactions).toMatchObject([
        { count: 1, me: true, emoji: { name: '👍' } },
      ]);
      await standin.waitForRequest((r) => r.route === 'POST /channels/:channel/messages');
      expect(standin.messagesIn(standin.dms.bob.id)).toMatchObject([{ content: 'Got it' }]);
      expect(errors).toEqual([]);
    } finally {
      await client.destroy();
      await standin.close();
    }
  });

  it('speaks zlib-stream, answers heartbeats and replays missed dispatches on RESUME', async () => {
    const standin = await startDiscordStandin({ heartbeatIntervalMs: 1_000 });
    const connect = (url: string) => {
      const socket = new WebSocket(url);
      const queue: { op: number; t?: string; s?: number; d: unknown }[] = [];
      let notify = () => {};
      let compressed = Buffer.alloc(0);
      let consumed = 0;
      socket.on('message', (frame: Buffer) => {
        compressed = Buffer.concat([compressed, frame]);
        // Like @discordjs/ws: a payload is complete when a frame ends with the sync-flush marker. Inflating
        // the whole stream so far each time keeps this test client trivially correct.
        if (!frame.subarray(-4).equals(Buffer.from([0, 0, 0xff, 0xff]))) return;
        const text = zlib.inflateSync(compressed, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
        queue.push(JSON.parse(text.slice(consumed)));
        consumed = text.length;
        notify();
      });
      const next = async () => {
        while (!queue.length) await new Promise<void>((resolve) => (notify = resolve));
        return queue.shift()!;
      };
      return { socket, next, send: (payload: object) => socket.send(JSON.stringify(payload)) };
    };
    try {
      const first = connect(`${standin.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
      expect(await first.next()).toMatchObject({
        op: GatewayOpcodes.Hello,
        d: { heartbeat_interval: 1_000 },
      });
      first.send({ op: GatewayOpcodes.Heartbeat, d: null });
      expect(await first.next()).toMatchObject({ op: GatewayOpcodes.HeartbeatAck });
      first.send({
        op: GatewayOpcodes.Identify,
        d: { token: standin.token, intents: 1, properties: { os: 'linux', browser: 'test', device: 'test' } },
      });
      const ready = await first.next();
      expect(ready).toMatchObject({ t: GatewayDispatchEvents.Ready, s: 1 });
      expect(await first.next()).toMatchObject({ t: GatewayDispatchEvents.GuildCreate, s: 2 });

      // Drop the socket without a clean close (so the session survives), miss an event, then resume.
      first.socket.close(4200);
      await once(first.socket, 'close');
      const missed = standin.dispatchInteraction({
        kind: 'command',
        name: 'ask',
        options: { question: 'x' },
      });
      const second = connect(`${standin.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
      await second.next(); // HELLO
      second.send({
        op: GatewayOpcodes.Resume,
        d: { token: standin.token, session_id: (ready.d as { session_id: string }).session_id, seq: 2 },
      });
      expect(await second.next()).toMatchObject({
        t: GatewayDispatchEvents.InteractionCreate,
        s: 3,
        d: { id: missed.id },
      });
      expect(await second.next()).toMatchObject({ t: GatewayDispatchEvents.Resumed, s: 4 });
      second.socket.close(1000);
      await once(second.socket, 'close');
    } finally {
      await standin.close();
    }
  });
});

describe('discord stand-in shards', () => {
  /** Which shard of `count` Discord sends a guild's events to, computed here independently of the stand-in. */
  const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

  it('tells clients the shard count, and sends each guild’s events to its shard only and DMs to shard 0', async () => {
    const standin = await startDiscordStandin({ guilds: 4, shards: 2, maxConcurrency: 2 });
    const clients: Client[] = [];
    try {
      const gateway = (await new REST({ api: standin.apiUrl })
        .setToken(standin.token)
        .get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
      expect(gateway).toMatchObject({ shards: 2, session_start_limit: { max_concurrency: 2 } });

      for (const shard of [0, 1]) {
        clients.push(
          await loggedInClient(standin, {
            intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
            partials: [Partials.Channel],
            shards: [shard],
            shardCount: 2,
          }),
        );
      }
      const identified = standin.gatewayReceived.filter((f) => f.op === GatewayOpcodes.Identify);
      expect(identified.map((f) => (f.d as { shard: unknown }).shard)).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // Guild i is on shard i % 2 (the stand-in aligns the ids' timestamps), as the formula says.
      expect(standin.guilds.map((g) => shardOf(g.guild.id, 2))).toEqual([0, 1, 0, 1]);
      for (const [shard, client] of clients.entries()) {
        expect([...client.guilds.cache.keys()].sort()).toEqual(
          standin.guilds
            .filter((g) => shardOf(g.guild.id, 2) === shard)
            .map((g) => g.guild.id)
            .sort(),
        );
      }

      const received: { shard: number; id: string }[] = [];
      for (const [shard, client] of clients.entries()) {
        client.on(
          Events.InteractionCreate,
          (interaction) => void received.push({ shard, id: interaction.id }),
        );
        client.on(Events.MessageCreate, (message) => void received.push({ shard, id: message.id }));
      }
      const sent = standin.guilds.map(({ guild, channels }) => ({
        guildId: guild.id,
        interaction: standin.dispatchInteraction({
          kind: 'command',
          name: 'ask',
          channelId: channels.briefings.id,
        }),
      }));
      const dm = standin.dispatchMessage({
        channelId: standin.dms.carol.id,
        user: 'carol',
        content: 'hello',
      });
      // One more event per shard: a socket delivers in order, so once these arrive any misrouted copy is in.
      const sentinels = [
        standin.dispatchMessage({ channelId: standin.dms.bob.id, user: 'bob', content: 'last' }).id,
        standin.dispatchInteraction({
          kind: 'command',
          name: 'ask',
          channelId: standin.guilds[1]!.channels.general.id,
        }).id,
      ];
      await expect.poll(() => sentinels.every((id) => received.some((r) => r.id === id))).toBe(true);
      received.splice(0, received.length, ...received.filter((r) => !sentinels.includes(r.id)));
      expect(received).toHaveLength(sent.length + 1);
      for (const { guildId, interaction } of sent) {
        const shard = shardOf(guildId, 2);
        expect(received.filter((r) => r.id === interaction.id)).toEqual([{ shard, id: interaction.id }]);
        expect(standin.deliveriesOf(interaction.id)).toEqual([
          { sessionId: expect.any(String), shard: [shard, 2] },
        ]);
      }
      expect(received.filter((r) => r.id === dm.id)).toEqual([{ shard: 0, id: dm.id }]);
    } finally {
      for (const client of clients) await client.destroy();
      await standin.close();
    }
  });

  it('closes the gateway with 4010 for an invalid shard, and opens no session', async () => {
    const standin = await startDiscordStandin({ guilds: 2, shards: 2 });
    try {
      for (const shard of [[2, 2], [-1, 2], [0, 0], [0.5, 2], [1]]) {
        const socket = new WebSocket(`${standin.gatewayUrl}?v=10&encoding=json`);
        await once(socket, 'message'); // HELLO
        socket.send(
          JSON.stringify({
            op: GatewayOpcodes.Identify,
            d: {
              token: standin.token,
              intents: 1,
              shard,
              properties: { os: 'linux', browser: 't', device: 't' },
            },
          }),
        );
        const [code, reason] = (await once(socket, 'close')) as [number, Buffer];
        expect({ shard, code, reason: reason.toString() }).toEqual({
          shard,
          code: 4010,
          reason: 'Invalid shard.',
        });
      }
      expect(() => standin.dispatchInteraction({ kind: 'command', name: 'ask' })).toThrow(
        /no client has a gateway session for the shard of guild/,
      );
    } finally {
      await standin.close();
    }
  });

  it('makes the real discord.js client give up on a shard Discord refuses (4010)', async () => {
    const standin = await startDiscordStandin({ guilds: 2, shards: 2 });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: standin.apiUrl },
      shards: [3],
      shardCount: 2,
    });
    try {
      const disconnected = once(client, Events.ShardDisconnect);
      void client.login(standin.token).catch(() => undefined);
      const [event, shardId] = (await disconnected) as [{ code: number }, number];
      expect({ code: event.code, shardId }).toEqual({ code: 4010, shardId: 3 });
    } finally {
      await client.destroy();
      await standin.close();
    }
  });
});
