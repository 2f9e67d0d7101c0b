import type { Lang } from '../nlu/types';

type Phrases = Record<string, string>;

const pt: Phrases = {
  attendanceConfirmed: 'Obrigado! Sua presença em {slot} está confirmada.',
  ratingThanks: 'Obrigado pela avaliação!',
  rescheduleWhen: 'Claro! Para quando você quer remarcar {slot}?',
  greet: 'Olá! Sou o assistente virtual de {tenant}. Posso marcar um horário ou responder sobre serviços, preços, horários e endereço.',
  askService: 'Qual serviço você quer marcar?',
  askWhen: 'Para quando você gostaria de marcar {service}? Pode me dizer o dia e, se quiser, o horário.',
  offer: 'Tenho estes horários para {service}. Qual prefere?',
  noSlots: 'Não encontrei horários livres para {service} nesse período. Quer tentar outro dia?',
  askName: 'Separei {slot} para você. Para confirmar, qual é o seu nome?',
  confirm: 'Confirmo {service} em {slot}{price}, em nome de {name}?',
  booked: 'Pronto, {name}! {service} marcado para {slot}{place}.{price}',
  rescheduled: 'Pronto! {service} remarcado para {slot}{place}.',
  taken: 'Esse horário acabou de ser ocupado. Veja outras opções:',
  declined: 'Sem problema, não marquei nada. Quer outro horário?',
  prices: 'Nossos preços:\n{list}',
  hours: 'Nosso horário de atendimento:\n{list}',
  location: 'Estamos em {place}.',
  noLocation: 'Vou pedir para alguém da equipe te passar o endereço.',
  services: 'Oferecemos: {list}. Qual você quer marcar?',
  handoff: 'Vou chamar uma pessoa da equipe para continuar com você. Aguarde um instante, por favor.',
  thanks: 'Por nada! Se precisar, é só chamar.',
  goodbye: 'Até logo!',
  optedOut: 'Tudo bem, você não vai mais receber mensagens nossas. Se mudar de ideia, é só escrever.',
  erasureRequested: 'Recebemos seu pedido para apagar seus dados. Uma pessoa da nossa equipe vai confirmar e avisar quando estiver concluído.',
  notUnderstood: 'Desculpe, não entendi. Posso marcar um horário ou responder sobre preços, horários e endereço.',
  askContact: 'Para encontrar sua reserva, me diga o telefone ou o e-mail usado no agendamento.',
  noBookings: 'Não encontrei reservas futuras com esses dados. Quer que eu chame alguém da equipe?',
  whichBooking: 'Qual destas reservas você quer {action}?',
  cancelled: 'Cancelado: {slot}. Se quiser marcar outro horário, é só falar.',
  restart: 'Que bom te ver de novo!',
  fieldsDone: 'Obrigado! Anotei tudo para a equipe.',
  noAnswer: 'Essa informação eu não tenho. Posso ajudar com horários, preços, endereço ou marcar um atendimento.',
  changeRefused: 'Essa reserva não pode mais ser alterada por aqui, pela política de cancelamento. Vou chamar uma pessoa da equipe para te ajudar.',
};

const es: Phrases = {
  attendanceConfirmed: '¡Gracias! Tu asistencia el {slot} quedó confirmada.',
  ratingThanks: '¡Gracias por tu calificación!',
  rescheduleWhen: '¡Claro! ¿Para cuándo querés cambiar tu turno del {slot}?',
  greet: '¡Hola! Soy el asistente virtual de {tenant}. Puedo sacarte un turno o contarte de servicios, precios, horarios y dirección.',
  askService: '¿Qué servicio querés reservar?',
  askWhen: '¿Para cuándo querés {service}? Decime el día y, si querés, la hora.',
  offer: 'Tengo estos horarios para {service}. ¿Cuál preferís?',
  noSlots: 'No encontré horarios libres para {service} en ese período. ¿Probamos otro día?',
  askName: 'Te reservé {slot}. Para confirmar, ¿a nombre de quién?',
  confirm: '¿Confirmo {service} el {slot}{price} a nombre de {name}?',
  booked: '¡Listo, {name}! Tenés {service} el {slot}{place}.{price}',
  rescheduled: '¡Listo! Cambié tu turno de {service} para el {slot}{place}.',
  taken: 'Ese horario se acaba de ocupar. Mirá estas otras opciones:',
  declined: 'No hay problema, no reservé nada. ¿Querés otro horario?',
  prices: 'Nuestros precios:\n{list}',
  hours: 'Nuestro horario:\n{list}',
  location: 'Estamos en {place}.',
  noLocation: 'Le pido a alguien del equipo que te pase la dirección.',
  services: 'Ofrecemos: {list}. ¿Cuál querés reservar?',
  handoff: 'Te paso con una persona del equipo. Esperá un momento, por favor.',
  thanks: '¡De nada! Cualquier cosa, escribime.',
  goodbye: '¡Hasta luego!',
  optedOut: 'Listo, no vas a recibir más mensajes nuestros. Si cambiás de idea, escribinos.',
  erasureRequested: 'Recibimos tu pedido para borrar tus datos. Una persona del equipo lo va a confirmar y te avisamos cuando esté hecho.',
  notUnderstood: 'Perdón, no te entendí. Puedo sacarte un turno o contarte precios, horarios y dirección.',
  askContact: 'Para encontrar tu turno, decime el teléfono o el e-mail que usaste al reservar.',
  noBookings: 'No encontré turnos próximos con esos datos. ¿Querés que te pase con alguien del equipo?',
  whichBooking: '¿Cuál de estos turnos querés {action}?',
  cancelled: 'Cancelado: {slot}. Si querés otro turno, avisame.',
  restart: '¡Qué bueno verte de nuevo!',
  fieldsDone: '¡Gracias! Ya le pasé todo al equipo.',
  noAnswer: 'Eso no lo sé. Te puedo ayudar con horarios, precios, la dirección o sacarte un turno.',
  changeRefused: 'Ese turno ya no se puede cambiar por acá, por la política de cancelación. Te paso con una persona del equipo.',
};

const en: Phrases = {
  attendanceConfirmed: 'Thank you! You are confirmed for {slot}.',
  ratingThanks: 'Thank you for your rating!',
  rescheduleWhen: 'Of course! When would you like to move {slot} to?',
  greet: "Hi! I'm the virtual assistant of {tenant}. I can book an appointment or tell you about services, prices, opening hours and where we are.",
  askService: 'Which service would you like to book?',
  askWhen: 'When would you like {service}? Tell me a day and, if you like, a time.',
  offer: 'I have these times for {service}. Which one suits you?',
  noSlots: "I couldn't find a free time for {service} then. Shall we try another day?",
  askName: "I've put {slot} aside for you. To confirm, what's your name?",
  confirm: 'Shall I confirm {service} on {slot}{price} for {name}?',
  booked: "Done, {name}! You're booked for {service} on {slot}{place}.{price}",
  rescheduled: 'Done! Your {service} is moved to {slot}{place}.',
  taken: 'That time has just been taken. Here are other options:',
  declined: "No problem, I haven't booked anything. Would you like another time?",
  prices: 'Our prices:\n{list}',
  hours: 'Our opening hours:\n{list}',
  location: "We're at {place}.",
  noLocation: "I'll ask someone from the team to send you the address.",
  services: 'We offer: {list}. Which would you like to book?',
  handoff: "I'm passing you to a member of the team. Please hold on a moment.",
  thanks: "You're welcome! Just message me if you need anything.",
  goodbye: 'Goodbye!',
  optedOut: "OK, you won't receive any more messages from us. Write to us any time if you change your mind.",
  erasureRequested: "We've received your request to delete your data. A person from our team will confirm it and let you know when it's done.",
  notUnderstood: "Sorry, I didn't get that. I can book an appointment or tell you about prices, opening hours and where we are.",
  askContact: 'To find your booking, tell me the phone number or email you booked with.',
  noBookings: "I couldn't find any upcoming bookings with those details. Shall I get someone from the team?",
  whichBooking: 'Which booking would you like to {action}?',
  cancelled: 'Cancelled: {slot}. Let me know if you want to book another time.',
  restart: 'Good to hear from you again!',
  fieldsDone: "Thank you! I've noted everything for the team.",
  noAnswer: "I don't have that information. I can help with times, prices, our address or a booking.",
  changeRefused: "That booking can no longer be changed here under the cancellation policy. I'm passing you to a member of the team.",
};

const phrases: Record<Lang, Phrases> = { pt, es, en };
const actions: Record<Lang, { cancel: string; reschedule: string }> = {
  pt: { cancel: 'cancelar', reschedule: 'remarcar' },
  es: { cancel: 'cancelar', reschedule: 'cambiar' },
  en: { cancel: 'cancel', reschedule: 'move' },
};

export type PhraseKey = keyof typeof pt;

export function say(lang: Lang, key: PhraseKey, vars: Record<string, string> = {}): string {
  return phrases[lang][key]!.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

export function actionWord(lang: Lang, action: 'cancel' | 'reschedule'): string {
  return actions[lang][action];
}
