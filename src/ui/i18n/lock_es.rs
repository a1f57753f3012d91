use super::lock::LockTexts;
use crate::domain::app_lock::SecretProblem;

pub static LOCK: LockTexts = LockTexts {
    title: "Cobranza está bloqueada",
    intro: "Escriba su PIN o su frase para ver la cartera.",
    secret: "PIN o frase",
    unlock: "Desbloquear",
    unlocking: "Abriendo…",
    wrong: "Ese no es el PIN. Inténtelo de nuevo.",
    wait: |seconds| format!("Demasiados intentos: espere {seconds} s para intentarlo de nuevo."),
    failed: "No se pudieron abrir los datos; no se cambió nada.",
    settings_title: "Bloqueo de la app",
    settings_help: "Con un PIN de al menos 6 cifras (que no sea repetido ni seguido, como 111111 o 123456) o una frase de al menos 8 caracteres, los datos de clientes y montos se guardan cifrados en este dispositivo y la app se bloquea tras unos minutos sin uso: un teléfono perdido no muestra nada. La empresa responde por la seguridad de los datos personales (Ley 1581 de 2012, arts. 4 g y 17 d).",
    sealed_note: "Los datos de este dispositivo están cifrados con su PIN.",
    new_secret: "PIN o frase nuevo",
    repeat_secret: "Repítalo",
    current_secret: "PIN o frase actual",
    set_pin: "Cifrar y bloquear con este PIN",
    change_pin: "Cambiar el PIN",
    lock_now: "Bloquear ahora",
    pin_set: "Listo: los datos de este dispositivo quedaron cifrados.",
    pin_changed: "PIN cambiado. Los datos siguen igual.",
    mismatch: "Los dos no coinciden. No se cambió nada.",
    wrong_current: "El PIN actual no es correcto. No se cambió nada.",
    problem: |problem| match problem {
        SecretProblem::PinTooShort => "El PIN debe tener al menos 6 cifras.",
        SecretProblem::PassphraseTooShort => "La frase debe tener al menos 8 caracteres.",
        SecretProblem::PinGuessable => "Ese PIN es de los primeros que alguien probaría; elija otro.",
    },
    idle_minutes: "Bloquear tras estos minutos sin uso",
    forgot: "Olvidé mi PIN",
    forgot_explain: |n| match n {
        0 => "Todo lo hecho en este dispositivo ya lo tiene la oficina o el servidor. Si borra sus datos, se vuelve a llenar desde la oficina (archivo de ruta o servidor) sin perder nada.".to_owned(),
        1 => "Si borra los datos de este dispositivo se perderá 1 operación suya que ni la oficina ni el servidor han recibido (un pago, una gestión, una promesa…). Si puede, recuerde el PIN y envíela primero. Lo demás vuelve desde la oficina (archivo de ruta o servidor).".to_owned(),
        n => format!("Si borra los datos de este dispositivo se perderán {n} operaciones suyas que ni la oficina ni el servidor han recibido (pagos, gestiones, promesas…). Si puede, recuerde el PIN y envíelas primero. Lo demás vuelve desde la oficina (archivo de ruta o servidor)."),
    },
    erase: |n| match n {
        0 => "Borrar los datos de este dispositivo".to_owned(),
        1 => "Borrar y perder 1 operación".to_owned(),
        n => format!("Borrar y perder {n} operaciones"),
    },
    keep_trying: "Volver a intentar con el PIN",
};
